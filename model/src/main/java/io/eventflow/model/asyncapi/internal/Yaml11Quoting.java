package io.eventflow.model.asyncapi.internal;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;
import java.util.regex.Pattern;

/**
 * Quotes every string a YAML 1.1 reader would take for something else. AsyncAPI tools read YAML with js-yaml's
 * default schema or other YAML 1.1 readers, which turn {@code 2024-01-01T12:00:00Z} into a date, {@code on}/{@code
 * yes}/{@code y} into booleans, {@code 12:30:00} into a base-60 number and {@code 1_000} or {@code 0x1F} into numbers:
 * such strings are written quoted (the patterns are YAML 1.1's implicit types).
 */
final class Yaml11Quoting extends StringQuotingChecker.Default {
    private static final long serialVersionUID = 1L;

    private static final Pattern SPECIAL = Pattern.compile(String.join(
            "|",
            // bool
            "(?:y|Y|yes|Yes|YES|n|N|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)",
            // int (binary, octal, decimal, hex, base 60)
            "[-+]?0b[0-1_]+",
            "[-+]?0[0-7_]+",
            "[-+]?(?:0|[1-9][0-9_]*)",
            "[-+]?0x[0-9a-fA-F_]+",
            "[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+",
            // float (incl. base 60, infinity, not-a-number)
            "[-+]?(?:\\.[0-9]+|[0-9][0-9_]*(?:\\.[0-9_]*)?)(?:[eE][-+]?[0-9]+)?",
            "[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\\.[0-9_]*",
            "[-+]?\\.(?:inf|Inf|INF)",
            "\\.(?:nan|NaN|NAN)",
            // null, merge, value
            "~|null|Null|NULL|<<|=",
            // timestamp
            "[0-9]{4}-[0-9]{2}-[0-9]{2}",
            "[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}(?:[Tt]|[ \\t]+)[0-9]{1,2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]*)?"
                    + "(?:[ \\t]*(?:Z|[-+][0-9]{1,2}(?::[0-9]{2})?))?"));

    /** True when a YAML 1.1 reader would not read the plain scalar back as this string. */
    static boolean special(String s) {
        return s.isEmpty() || SPECIAL.matcher(s).matches();
    }

    @Override
    public boolean needToQuoteName(String name) {
        return super.needToQuoteName(name) || special(name);
    }

    @Override
    public boolean needToQuoteValue(String value) {
        return super.needToQuoteValue(value) || special(value);
    }
}
