package org.chorus.e2e;

import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.ClassOrderer;
import org.junit.jupiter.api.ClassOrdererContext;

/**
 * Starts the classes that bring up a stack of their own first, so that the shorter classes run beside them on the
 * shared system instead of after them.
 */
public final class OwnStacksFirst implements ClassOrderer {

    private static final List<Class<?>> OWN_STACKS = List.of(FaultsIT.class, HandoverThroughTheGatewayIT.class);

    @Override
    public void orderClasses(ClassOrdererContext context) {
        context.getClassDescriptors().sort(Comparator.comparingInt(descriptor -> {
            int place = OWN_STACKS.indexOf(descriptor.getTestClass());
            return place < 0 ? OWN_STACKS.size() : place;
        }));
    }
}
