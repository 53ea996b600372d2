package org.chorus.platform.web.input;

import java.io.IOException;
import java.util.Locale;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

/**
 * Reads every JSON body, and JSON uploads, through {@link StrictUtf8InputStream}, so that a body that is not UTF-8 is
 * refused with a 400 saying so rather than read as something else. A body in UTF-16, which Jackson would detect and
 * read, is refused too: RFC 8259 asks for UTF-8 between systems, and a partner's page sends it.
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        if (isJson(context.getMediaType())) {
            context.setInputStream(new StrictUtf8InputStream(context.getInputStream()));
        }
        return context.proceed();
    }

    static boolean isJson(MediaType type) {
        if (type == null) {
            return false;
        }
        String subtype = type.getSubtype().toLowerCase(Locale.ROOT);
        return subtype.equals("json") || subtype.endsWith("+json");
    }
}
