package be.spil.directory;

import java.time.Instant;
import java.util.List;

/** An organisation as the API and other modules see it. */
public record OrganisationView(long id, String name, OrganisationKind kind, String enterpriseNumber, String email, String phone,
                               String website, String address, String notes, List<Contact> contacts, boolean archived,
                               int version, Instant updatedAt, String updatedBy) {}
