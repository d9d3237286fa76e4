package nym.ledger.cli;

import java.time.Duration;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** "250ms", "1s", "2m", "1h" or ISO-8601 ("PT1S"). */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String v) {
        String s = v.trim().toLowerCase(java.util.Locale.ROOT);
        try {
            if (s.startsWith("pt")) {
                return Duration.parse(s.toUpperCase(java.util.Locale.ROOT));
            }
            if (s.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
            }
            long n = Long.parseLong(s.substring(0, s.length() - 1));
            return switch (s.charAt(s.length() - 1)) {
                case 's' -> Duration.ofSeconds(n);
                case 'm' -> Duration.ofMinutes(n);
                case 'h' -> Duration.ofHours(n);
                default -> throw new TypeConversionException("bad duration " + v);
            };
        } catch (RuntimeException e) {
            throw new TypeConversionException("bad duration '" + v + "' (use e.g. 500ms, 1s, 2m)");
        }
    }
}
