using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace EventReactor.Core.Expressions.Runtime;

/// <summary>Timestamps and durations in text (RFC 3339 with nanoseconds; Go-style durations such as <c>1h2m3.5s</c>) and their calendar fields.</summary>
internal static partial class CelTime
{
    private static readonly DateTime Epoch = new(1970, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static CelTimestamp ParseTimestamp(string text)
    {
        var match = Rfc3339().Match(text);
        if (!match.Success)
        {
            throw new CelError($"cannot parse timestamp '{text}'");
        }

        int Part(string name) => int.Parse(match.Groups[name].Value, CultureInfo.InvariantCulture);
        if (Part("year") == 0 || Part("month") is < 1 or > 12 || Part("day") < 1 || Part("day") > DateTime.DaysInMonth(Math.Max(1, Part("year")), Math.Clamp(Part("month"), 1, 12))
            || Part("hour") > 23 || Part("minute") > 59 || Part("second") > 59)
        {
            throw new CelError($"timestamp out of range: '{text}'");
        }

        var date = new DateTime(Part("year"), Part("month"), Part("day"), Part("hour"), Part("minute"), Part("second"), DateTimeKind.Utc);
        var seconds = (long)(date - Epoch).TotalSeconds;
        var fraction = match.Groups["fraction"].Value;
        var nanos = fraction.Length == 0 ? 0 : int.Parse(fraction.PadRight(9, '0'), CultureInfo.InvariantCulture);
        var zone = match.Groups["zone"].Value;
        if (zone is not ("Z" or "z"))
        {
            var offset = (int.Parse(zone.AsSpan(1, 2), CultureInfo.InvariantCulture) * 3600) + (int.Parse(zone.AsSpan(4, 2), CultureInfo.InvariantCulture) * 60);
            seconds -= zone[0] == '-' ? -offset : offset;
        }

        return CelTimestamp.Checked(((Int128)seconds * CelDuration.NanosPerSecond) + nanos);
    }

    public static CelTimestamp FromSeconds(long seconds) =>
        seconds is < CelTimestamp.MinSeconds or > CelTimestamp.MaxSeconds
            ? CelError.Raise<CelTimestamp>("timestamp out of range")
            : new CelTimestamp((Int128)seconds * CelDuration.NanosPerSecond);

    /// <summary>RFC 3339 in UTC, with as many fractional digits as the nanoseconds need.</summary>
    public static string Format(CelTimestamp timestamp)
    {
        var date = Epoch.AddSeconds(timestamp.Seconds);
        return date.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture) + Fraction(timestamp.FloorNanos) + "Z";
    }

    /// <summary>Seconds with a fraction where needed, as protobuf's JSON mapping writes a duration: <c>1.5s</c>.</summary>
    public static string Format(CelDuration duration)
    {
        var sign = duration.Nanos < 0 ? "-" : string.Empty;
        var magnitude = Int128.Abs(duration.Nanos);
        var (seconds, nanos) = Int128.DivRem(magnitude, CelDuration.NanosPerSecond);
        return sign + seconds.ToString(CultureInfo.InvariantCulture) + Fraction((int)nanos) + "s";
    }

    public static CelDuration ParseDuration(string text)
    {
        var rest = text.AsSpan();
        var negative = false;
        if (rest.Length > 0 && rest[0] is '-' or '+')
        {
            negative = rest[0] == '-';
            rest = rest[1..];
        }

        if (rest is "0")
        {
            return new CelDuration(0);
        }

        if (rest.IsEmpty)
        {
            throw new CelError($"cannot parse duration '{text}'");
        }

        decimal total = 0;
        while (!rest.IsEmpty)
        {
            var numberLength = 0;
            while (numberLength < rest.Length && (char.IsAsciiDigit(rest[numberLength]) || rest[numberLength] == '.'))
            {
                numberLength++;
            }

            var unitLength = 0;
            while (numberLength + unitLength < rest.Length && !char.IsAsciiDigit(rest[numberLength + unitLength]) && rest[numberLength + unitLength] != '.')
            {
                unitLength++;
            }

            if (numberLength == 0 || !decimal.TryParse(rest[..numberLength], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
            {
                throw new CelError($"cannot parse duration '{text}'");
            }

            total += number * UnitNanos(rest.Slice(numberLength, unitLength).ToString(), text);
            rest = rest[(numberLength + unitLength)..];
        }

        return CelDuration.Checked((Int128)decimal.Truncate(negative ? -total : total));
    }

    /// <summary>A calendar field of the timestamp in UTC or the given zone (an IANA name or an offset such as <c>+05:30</c>).</summary>
    public static long Field(string name, CelTimestamp timestamp, string? zone)
    {
        var utc = Epoch.AddSeconds(timestamp.Seconds);
        var local = zone is null ? utc : utc + Offset(zone, utc);
        return name switch
        {
            "getFullYear" => local.Year,
            "getMonth" => local.Month - 1,
            "getDate" => local.Day,
            "getDayOfMonth" => local.Day - 1,
            "getDayOfWeek" => (int)local.DayOfWeek,
            "getDayOfYear" => local.DayOfYear - 1,
            "getHours" => local.Hour,
            "getMinutes" => local.Minute,
            "getSeconds" => local.Second,
            "getMilliseconds" => timestamp.FloorNanos / 1_000_000,
            _ => CelError.Raise<long>($"unbound function {name}"),
        };
    }

    public static long Field(string name, CelDuration duration) => name switch
    {
        "getHours" => (long)(duration.Nanos / CelDuration.NanosPerSecond / 3600),
        "getMinutes" => (long)(duration.Nanos / CelDuration.NanosPerSecond / 60),
        "getSeconds" => (long)(duration.Nanos / CelDuration.NanosPerSecond),
        "getMilliseconds" => (long)(duration.Nanos % CelDuration.NanosPerSecond / 1_000_000),
        _ => CelError.Raise<long>($"no matching overload for {name}(duration)"),
    };

    private static TimeSpan Offset(string zone, DateTime utc)
    {
        var match = FixedOffset().Match(zone);
        if (match.Success)
        {
            var offset = new TimeSpan(int.Parse(match.Groups["hours"].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups["minutes"].Value, CultureInfo.InvariantCulture), 0);
            return match.Groups["sign"].Value == "-" ? -offset : offset;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(zone).GetUtcOffset(utc);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new CelError($"unknown time zone '{zone}'");
        }
    }

    private static decimal UnitNanos(string unit, string text) => unit switch
    {
        "h" => 3_600_000_000_000m,
        "m" => 60_000_000_000m,
        "s" => 1_000_000_000m,
        "ms" => 1_000_000m,
        "us" or "µs" or "μs" => 1_000m,
        "ns" => 1m,
        _ => throw new CelError($"cannot parse duration '{text}'"),
    };

    private static string Fraction(int nanos)
    {
        if (nanos == 0)
        {
            return string.Empty;
        }

        var digits = new StringBuilder(nanos.ToString("D9", CultureInfo.InvariantCulture));
        while (digits[^1] == '0')
        {
            digits.Length--;
        }

        return "." + digits;
    }

    [GeneratedRegex(@"^(?<year>\d{4})-(?<month>\d{2})-(?<day>\d{2})[Tt](?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})(\.(?<fraction>\d{1,9}))?(?<zone>[Zz]|[+-]\d{2}:\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<hours>\d{2}):(?<minutes>\d{2})$", RegexOptions.CultureInvariant)]
    private static partial Regex FixedOffset();
}
