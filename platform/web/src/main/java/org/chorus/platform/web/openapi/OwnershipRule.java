package org.chorus.platform.web.openapi;

/**
 * Marks a resource whose items belong to one organisation, so that the OpenAPI document lists the 403
 * {@code not-owner} answer where {@code Caller.requireOwnerOf} can give it, without each operation repeating it.
 * Put {@code @Extension(name = OwnershipRule.EXTENSION, value = "survey")} on the resource class, naming the item:
 * {@link StandardProblems} then adds "or the survey belongs to another organisation" to the 403 of every operation of
 * the class that changes one item (any method but GET, on a path with a path parameter). The extension itself does
 * not reach the published document. (SmallRye applies a class's {@code @Extension} to every operation of the class
 * that declares no extension of its own.)
 */
public final class OwnershipRule {

    public static final String EXTENSION = "x-chorus-owned";

    private OwnershipRule() {
    }
}
