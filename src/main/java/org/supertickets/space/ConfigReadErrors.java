package org.supertickets.space;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What goes wrong reading a config, said in the config's own words: Jackson's exceptions (syntax, wrong types,
 * numbers out of range, fields given twice) become an issue at the field's path with the line and column, what
 * was expected and what was found, and a fix, without Java class names; a file that cannot be a config says why.
 */
final class ConfigReadErrors {

    /** The config a message points to as an example. */
    static final String EXAMPLE = "sample-configs/quickstart.json";

    private ConfigReadErrors() {
    }

    static ConfigException fileProblem(Path file, String message, String fix) {
        return new ConfigException(file, new ValidationIssue("(file)", message, fix));
    }

    static ConfigException translate(Path source, JsonProcessingException e) {
        JsonLocation location = e.getLocation();
        int line = location == null ? -1 : location.getLineNr();
        int column = location == null ? -1 : location.getColumnNr();
        String at = line > 0 ? " (line " + line + ", column " + column + ")" : "";
        ValidationIssue issue;
        if (e instanceof JsonMappingException m && numberOutOfRange(m.getOriginalMessage()) != null) {
            issue = new ValidationIssue(pathOf(m), numberOutOfRange(m.getOriginalMessage()) + at,
                    "use a smaller number");
        } else if (e instanceof JsonMappingException m && !(m.getCause() instanceof JsonProcessingException)) {
            String path = pathOf(m);
            issue = new ValidationIssue(path, wrongType(m) + at, path.equals("(root)")
                    ? "the file must hold one config object { ... }, e.g. copy " + EXAMPLE
                    : "give the field a value of that type (see " + EXAMPLE + "), or remove it to use its default");
        } else {
            issue = syntaxProblem(e, at);
        }
        return new ConfigException(source, issue, line, column);
    }

    private static ValidationIssue syntaxProblem(JsonProcessingException e, String at) {
        Throwable root = e instanceof JsonMappingException && e.getCause() instanceof JsonProcessingException p ? p : e;
        String path = root instanceof JsonProcessingException p && p.getProcessor() instanceof JsonParser parser
                ? pathOf(parser.getParsingContext()) : "(root)";
        String original = root instanceof JsonProcessingException p ? p.getOriginalMessage() : root.getMessage();
        if (root instanceof JsonEOFException) {
            return new ValidationIssue(path, "the file ends before the JSON is complete" + at,
                    "close every { and [ that is opened (is the file cut off?)");
        }
        Matcher duplicate = Pattern.compile("Duplicate field '(.*)'").matcher(String.valueOf(original));
        if (duplicate.find()) {
            return new ValidationIssue(path, "field '" + duplicate.group(1) + "' is given twice" + at,
                    "keep only one of them (JSON readers disagree on which one wins)");
        }
        Matcher nonNumeric = Pattern.compile("Non-standard token '(.*?)'").matcher(String.valueOf(original));
        if (nonNumeric.find()) {
            return new ValidationIssue(path, nonNumeric.group(1) + " is not a number JSON allows" + at,
                    "write a finite number");
        }
        String plain = String.valueOf(original).replaceAll(" \\(code \\d+( / 0x[0-9a-fA-F]+)?\\)", "");
        return new ValidationIssue(path, "is not valid JSON: " + plain + at, "fix the JSON syntax there (a missing "
                + "comma, quote or bracket, a trailing comma, or a comment: JSON has none)");
    }

    /** "expected a whole number, found the text "many"" from Jackson's mismatch exceptions. */
    private static String wrongType(JsonMappingException m) {
        String original = String.valueOf(m.getOriginalMessage());
        String expected = m instanceof MismatchedInputException mi ? expectedKind(mi.getTargetType()) : null;
        String found = null;
        if (m instanceof InvalidFormatException f && f.getValue() != null) {
            Object v = f.getValue();
            found = v instanceof String s ? "the text \"" + s + "\"" : v instanceof Boolean ? String.valueOf(v)
                    : "the number " + v;
        } else {
            Matcher text = Pattern.compile("String value \\(\"(.*)\"\\)").matcher(original);
            Matcher shape = Pattern.compile("from (Object|Array|String|Integer|Floating-point|Boolean|Null) value")
                    .matcher(original);
            if (text.find()) {
                found = "the text \"" + text.group(1) + "\"";
            } else if (shape.find()) {
                found = switch (shape.group(1)) {
                    case "Object" -> "an object { ... }";
                    case "Array" -> "a list [ ... ]";
                    case "String" -> "a text";
                    case "Integer" -> "a whole number";
                    case "Floating-point" -> "a decimal number";
                    case "Boolean" -> "true/false";
                    default -> "null";
                };
            }
        }
        if (expected == null || found == null) {
            // Not a shape we know: Jackson's own words, without Java class names.
            return original.replaceAll("`[a-zA-Z0-9_.$]*?([A-Za-z0-9_]+)(<[^`]*>)?`", "$1")
                    .replaceAll("\\s*\\(but (could|might) if coercion.*\\)", "");
        }
        return "expected " + expected + ", found " + found;
    }

    private static String expectedKind(Class<?> type) {
        if (type == null) {
            return null;
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return "a whole number";
        }
        if (type == Double.class || type == double.class) {
            return "a number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a text in double quotes";
        }
        if (Collection.class.isAssignableFrom(type)) {
            return "a list [ ... ]";
        }
        if (type == SearchSpaceConfig.class) {
            return "a config object { ... }";
        }
        return type.isRecord() ? "an object { ... }" : null;
    }

    private static String numberOutOfRange(String original) {
        Matcher m = Pattern.compile("Numeric value \\((.*?)\\) out of range of (int|long)").matcher(
                String.valueOf(original));
        if (!m.find()) {
            return null;
        }
        return "the number " + m.group(1) + " is too large (at most " + (m.group(2).equals("int") ? Integer.MAX_VALUE
                : Long.MAX_VALUE) + ")";
    }

    /** {@code stages[1].kernelSizes[0]} from a mapping exception's reference chain. */
    private static String pathOf(JsonMappingException e) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            } else if (r.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            }
        }
        return sb.length() == 0 ? "(root)" : sb.toString();
    }

    /** The same path from the parser's position, for syntax errors (which have no reference chain). */
    private static String pathOf(JsonStreamContext context) {
        Deque<JsonStreamContext> chain = new ArrayDeque<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.push(c);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inArray()) {
                sb.append('[').append(Math.max(0, c.getCurrentIndex())).append(']');
            } else if (c.getCurrentName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(c.getCurrentName());
            }
        }
        return sb.length() == 0 ? "(root)" : sb.toString();
    }
}
