package org.chorus.e2e;

import java.util.function.Supplier;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * One real resource of an organisation, with what its owner needs to change it: its current ETag, read afresh, and a
 * valid replacement body. Its state as the owner reads it shows whether someone else's call changed it.
 *
 * @param id the id that stands for every path parameter of the operations on it
 * @param path where its owner reads it; null for a resource nobody can read back, like a response
 * @param owner a request with the owner's key that reads it
 * @param created the answer that created it, for what only that answer holds (a receipt's erasure token)
 * @param replacement a valid body to replace it with; null where it cannot be replaced
 */
record OwnedResource(String id, String path, Supplier<RequestSpecification> owner, JsonPath created,
        Object replacement) {

    /** The ETag its owner reads now. */
    String etag() {
        return read().header("ETag");
    }

    /** Everything its owner reads of it now, ETag included; empty when it cannot be read back. */
    String state() {
        if (path == null) {
            return "";
        }
        Response read = read();
        return read.header("ETag") + " " + read.asString();
    }

    private Response read() {
        return owner.get().get(path).then().statusCode(200).extract().response();
    }
}
