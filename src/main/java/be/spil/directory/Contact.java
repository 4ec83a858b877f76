package be.spil.directory;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.data.relational.core.mapping.Table;

/** A contact person at an organisation (not a Spil user): name, function, email, phone. */
@Table("organisation_contact")
public record Contact(@NotBlank @Size(max = 200) String name, @Size(max = 100) String function,
                      @Email @Size(max = 320) String email, @Size(max = 40) String phone) {
    boolean isBlank() {
        return (name == null || name.isBlank()) && (email == null || email.isBlank()) && (phone == null || phone.isBlank());
    }
}
