package org.chorus.directory.handover;

import static org.chorus.platform.datapackage.Field.Type.ARRAY;
import static org.chorus.platform.datapackage.Field.Type.BOOLEAN;
import static org.chorus.platform.datapackage.Field.Type.DATETIME;
import static org.chorus.platform.datapackage.Field.Type.OBJECT;
import static org.chorus.platform.datapackage.Field.Type.STRING;
import static org.chorus.platform.datapackage.Field.Type.UUID;

import java.util.List;

import org.chorus.platform.web.caller.KeyKind;
import org.chorus.directory.organisation.OrganisationType;
import org.chorus.directory.place.PlaceKind;
import org.chorus.platform.datapackage.Field;
import org.chorus.platform.datapackage.Table;

/** The tables of the directory's handover package. Keys are described, never their secrets or hashes. */
final class DirectoryTables {

    static final Table ORGANISATION = new Table("organisation", "The organisation", "The organisation as registered",
            Field.versioned(List.of(Field.required("id", UUID, "Organisation id", "Its id in the partnership"),
                    Field.required("name", STRING, "Name", "Its name"),
                    Field.required("type", STRING, "Type", "What kind of organisation it is")
                            .codes(OrganisationType.values()),
                    Field.of("ods_code", STRING, "ODS code", "Its NHS ODS code"),
                    Field.of("website", STRING, "Website", "Its website"),
                    Field.of("contact_email", STRING, "Contact email", "Where the partnership reaches it"),
                    Field.required("place_codes", ARRAY, "Places", "Codes of the places it covers"),
                    Field.required("active", BOOLEAN, "Active", "False once deactivated"),
                    Field.of("rate_limits", OBJECT, "Rate limits", "Its own limits for its website's key")),
                    "Registered", "When it was registered"),
            List.of("id"), List.of());

    static final Table PLACES = new Table("places", "Places it covers",
            "The places the organisation covers, with each place above them up to the integrated care system",
            List.of(Field.required("id", UUID, "Place id", "The place's id"),
                    Field.required("code", STRING, "Code", "The place's code, as records name it"),
                    Field.required("name", STRING, "Name", "The place's name"),
                    Field.required("kind", STRING, "Kind", "What kind of place").codes(PlaceKind.values()),
                    Field.of("parent_code", STRING, "Part of", "The code of the place it is part of"),
                    Field.required("created_at", DATETIME, "Created", "When it was registered")),
            List.of("id"), List.of());

    static final Table ORIGINS = new Table("origins", "Web origins",
            "The web origins from which its website's publishable keys may be used",
            List.of(Field.required("origin", STRING, "Origin", "Scheme, host and port")),
            List.of("origin"), List.of());

    static final Table KEYS = new Table("api_keys", "API keys",
            "What each of its keys was for and could do: never a secret, its prefix or its hash",
            List.of(Field.required("id", UUID, "Key id", "The key's id, as the audit log names it"),
                    Field.required("name", STRING, "Name", "What the key was for"),
                    Field.required("kind", STRING, "Kind", "SECRET or PUBLISHABLE").codes(KeyKind.values()),
                    Field.required("scopes", ARRAY, "Scopes", "What the key could do"),
                    Field.required("created_at", DATETIME, "Issued", "When it was issued"),
                    Field.of("expires_at", DATETIME, "Expires", "When it stops working"),
                    Field.of("revoked_at", DATETIME, "Revoked", "When it was revoked")),
            List.of("id"), List.of());

    private DirectoryTables() {
    }
}
