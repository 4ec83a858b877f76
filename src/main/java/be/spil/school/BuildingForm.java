package be.spil.school;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A building: name unique in the school, address optional. Also the API's create and update body. */
public record BuildingForm(@NotBlank @Size(max = 100) String name, @Size(max = 200) String address, Integer version) {
    static BuildingForm empty() {
        return new BuildingForm("", "", null);
    }
}
