package be.spil.web;

import be.spil.shared.Caller;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

@Configuration(proxyBeanMethods = false)
class WebConfig implements WebMvcConfigurer {
    static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("nl"), Locale.ENGLISH);

    /**
     * No rewriting of every link of a page into a versioned resource URL: with static resources served from "/**", each
     * link (also /schools/…) was looked up as a file in the application's jar, some 30 ms a page. Webjars are still
     * found without their version in the URL by the resource handler.
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<org.springframework.web.servlet.resource.ResourceUrlEncodingFilter>
            resourceUrlEncodingFilter() {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
            new org.springframework.web.servlet.resource.ResourceUrlEncodingFilter());
        registration.setEnabled(false);
        return registration;
    }

    @Override
    public void addFormatters(org.springframework.format.FormatterRegistry registry) {
        registry.addFormatterForFieldType(java.math.BigDecimal.class, new DecimalFormatter());
    }

    /** Dutch by default; a choice made in the header (?lang=en) is remembered in a cookie for a year. */
    @Bean
    LocaleResolver localeResolver() {
        var resolver = new CookieLocaleResolver("spil-lang");
        resolver.setDefaultLocale(Locale.forLanguageTag("nl"));
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        var interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        interceptor.setIgnoreInvalidLocale(true);
        registry.addInterceptor(interceptor).excludePathPatterns("/api/**");
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == Caller.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav, NativeWebRequest request,
                                          WebDataBinderFactory binderFactory) {
                return Caller.current();
            }
        });
    }
}
