package org.supertickets.ui.designer;

import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads and replaces one field of an immutable config by its JSON path, e.g. {@code training.epochs} or
 * {@code stages[1].kernelSizes}: the same paths {@link org.supertickets.space.ConfigValidator} reports, so an
 * issue lands on the control that edits its field. Works on any nesting of records and lists.
 */
public final class ConfigPaths {

    private static final Pattern SEGMENT = Pattern.compile("([A-Za-z]+)(?:\\[(\\d+)])?");

    private ConfigPaths() {
    }

    /** The value at {@code path}. */
    public static Object get(Object root, String path) {
        Object current = root;
        for (String segment : path.split("\\.")) {
            Matcher m = parse(segment, path);
            current = component(current, m.group(1));
            if (m.group(2) != null) {
                current = ((List<?>) current).get(Integer.parseInt(m.group(2)));
            }
        }
        return current;
    }

    /** A copy of {@code root} with the value at {@code path} replaced. */
    @SuppressWarnings("unchecked")
    public static <R extends Record> R with(R root, String path, Object value) {
        return (R) replace(root, path.split("\\."), 0, value, path);
    }

    private static Object replace(Object node, String[] segments, int i, Object value, String path) {
        Matcher m = parse(segments[i], path);
        String name = m.group(1);
        Object child = component(node, name);
        Object replaced;
        if (m.group(2) != null) {
            int index = Integer.parseInt(m.group(2));
            List<Object> list = new ArrayList<>((List<?>) child);
            list.set(index, i == segments.length - 1 ? value : replace(list.get(index), segments, i + 1, value, path));
            replaced = List.copyOf(list);
        } else {
            replaced = i == segments.length - 1 ? value : replace(child, segments, i + 1, value, path);
        }
        return withComponent((Record) node, name, replaced);
    }

    private static Matcher parse(String segment, String path) {
        Matcher m = SEGMENT.matcher(segment);
        if (!m.matches()) {
            throw new IllegalArgumentException("bad config path " + path);
        }
        return m;
    }

    private static Object component(Object node, String name) {
        if (!(node instanceof Record)) {
            throw new IllegalArgumentException(name + " is not inside a record");
        }
        for (RecordComponent c : node.getClass().getRecordComponents()) {
            if (c.getName().equals(name)) {
                try {
                    return c.getAccessor().invoke(node);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        throw new IllegalArgumentException("no field " + name + " in " + node.getClass().getSimpleName());
    }

    /** A copy of a record with one component replaced, through its canonical constructor. */
    static Record withComponent(Record record, String name, Object value) {
        RecordComponent[] components = record.getClass().getRecordComponents();
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        boolean found = false;
        try {
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                if (components[i].getName().equals(name)) {
                    args[i] = value;
                    found = true;
                } else {
                    args[i] = components[i].getAccessor().invoke(record);
                }
            }
            if (!found) {
                throw new IllegalArgumentException("no field " + name + " in " + record.getClass().getSimpleName());
            }
            Constructor<?> canonical = record.getClass().getDeclaredConstructor(types);
            return (Record) canonical.newInstance(args);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + record.getClass().getSimpleName(), e);
        }
    }
}
