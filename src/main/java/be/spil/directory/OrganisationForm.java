package be.spil.directory;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.List;

/** An organisation with its contacts; the web form and the API's create body. */
public record OrganisationForm(
    @NotBlank @Size(max = 200) String name,
    @NotNull OrganisationKind kind,
    @Size(max = 20) @Pattern(regexp = "|(BE)?\\s?[01]?[0-9]{3}[.\\s]?[0-9]{3}[.\\s]?[0-9]{3}", message = "{organisation.enterpriseNumber.pattern}")
    String enterpriseNumber,
    @Email @Size(max = 320) String email,
    @Size(max = 40) String phone,
    @Size(max = 300) @Pattern(regexp = "|https?://\\S+", message = "{organisation.website.pattern}") String website,
    @Size(max = 300) String address,
    @Size(max = 2000) String notes,
    @Size(max = 50) List<@Valid Contact> contacts,
    Integer version) {

    public OrganisationForm {
        // an empty row of the form is no contact
        contacts = contacts == null ? new ArrayList<>()
            : contacts.stream().filter(c -> c != null && !c.isBlank()).collect(java.util.stream.Collectors.toCollection(ArrayList::new));
    }

    static OrganisationForm empty() {
        return new OrganisationForm("", OrganisationKind.SUPPLIER, "", "", "", "", "", "", List.of(), null);
    }
}
