package be.spil;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SpilApplication {
    public static void main(String[] args) {
        SpringApplication.run(SpilApplication.class, args);
    }
}
