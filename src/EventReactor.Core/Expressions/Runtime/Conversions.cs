using System.Globalization;
using System.Text;

namespace EventReactor.Core.Expressions.Runtime;

/// <summary>CEL's type conversion functions: <c>int uint double string bytes bool timestamp duration</c>.</summary>
internal static class Conversions
{
    private const double TwoTo63 = 9.223372036854775808e18;
    private const double TwoTo64 = 1.8446744073709551616e19;

    public static object? Convert(string function, object? value) => (function, value) switch
    {
        ("int", long) => value,
        ("int", ulong number) => number <= long.MaxValue ? (long)number : CelError.Raise("int range error"),
        ("int", double number) => number > -TwoTo63 && number < TwoTo63 ? (long)number : CelError.Raise("int range error"),
        ("int", string text) => long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) ? number : CelError.Raise($"cannot convert '{text}' to int"),
        ("int", CelTimestamp time) => time.Seconds,
        ("uint", ulong) => value,
        ("uint", long number) => number >= 0 ? (ulong)number : CelError.Raise("uint range error"),
        ("uint", double number) => number >= 0 && number < TwoTo64 ? (ulong)number : CelError.Raise("uint range error"),
        ("uint", string text) => ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number) ? number : CelError.Raise($"cannot convert '{text}' to uint"),
        ("double", double) => value,
        ("double", long number) => (double)number,
        ("double", ulong number) => (double)number,
        ("double", string text) => ParseDouble(text),
        ("string", string) => value,
        ("string", bool flag) => flag ? "true" : "false",
        ("string", long number) => number.ToString(CultureInfo.InvariantCulture),
        ("string", ulong number) => number.ToString(CultureInfo.InvariantCulture),
        ("string", double number) => FormatDouble(number),
        ("string", CelBytes bytes) => DecodeUtf8(bytes.Value),
        ("string", CelTimestamp time) => CelTime.Format(time),
        ("string", CelDuration duration) => CelTime.Format(duration),
        ("bytes", CelBytes) => value,
        ("bytes", string text) => new CelBytes(Encoding.UTF8.GetBytes(text)),
        ("bool", bool) => value,
        ("bool", string text) => ParseBool(text),
        ("timestamp", CelTimestamp) => value,
        ("timestamp", string text) => CelTime.ParseTimestamp(text),
        ("timestamp", long seconds) => CelTime.FromSeconds(seconds),
        ("duration", CelDuration) => value,
        ("duration", string text) => CelTime.ParseDuration(text),
        _ => throw CelError.NoOverload(function, value),
    };

    /// <summary>The text a double takes in <c>string(x)</c> and in interpolated arguments.</summary>
    public static string FormatDouble(double number) => number switch
    {
        double.PositiveInfinity => "+Inf",
        double.NegativeInfinity => "-Inf",
        _ when double.IsNaN(number) => "NaN",
        _ => number.ToString("R", CultureInfo.InvariantCulture).Replace('E', 'e'),
    };

    private static double ParseDouble(string text) => text switch
    {
        "inf" or "+inf" or "Inf" or "+Inf" or "Infinity" or "+Infinity" or "infinity" => double.PositiveInfinity,
        "-inf" or "-Inf" or "-Infinity" or "-infinity" => double.NegativeInfinity,
        "NaN" or "nan" => double.NaN,
        _ => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) ? number : CelError.Raise<double>($"cannot convert '{text}' to double"),
    };

    // The spellings Go's strconv.ParseBool accepts, as cel-go does.
    private static object ParseBool(string text) => text switch
    {
        "1" or "t" or "T" or "true" or "TRUE" or "True" => RuntimeValues.True,
        "0" or "f" or "F" or "false" or "FALSE" or "False" => RuntimeValues.False,
        _ => throw new CelError($"cannot convert '{text}' to bool"),
    };

    private static string DecodeUtf8(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new CelError("bytes are not valid UTF-8");
        }
    }
}
