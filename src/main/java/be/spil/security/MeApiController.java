package be.spil.security;

import be.spil.school.Schools;
import be.spil.shared.Caller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Me", description = "The signed-in caller")
class MeApiController {
    record RoleDto(String school, String role) {}
    record MeDto(String email, String name, List<RoleDto> roles) {}

    private final Schools schools;

    MeApiController(Schools schools) {
        this.schools = schools;
    }

    @GetMapping("/api/v1/me")
    @Operation(summary = "Who am I: email, name and roles per school (school null for CENTRAL_ADMIN)")
    MeDto me(Caller caller) {
        var roles = new ArrayList<RoleDto>();
        if (caller.centralAdmin()) {
            roles.add(new RoleDto(null, "CENTRAL_ADMIN"));
        }
        var codes = schools.codes(caller.schoolIds());
        caller.rolesBySchool().forEach((school, set) -> set.forEach(r -> roles.add(new RoleDto(codes.get(school), r.name()))));
        roles.sort(Comparator.comparing((RoleDto r) -> r.school() == null ? "" : r.school()).thenComparing(RoleDto::role));
        return new MeDto(caller.email(), caller.name(), roles);
    }
}
