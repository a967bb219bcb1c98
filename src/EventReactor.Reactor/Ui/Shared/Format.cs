using System.Globalization;

namespace EventReactor.Reactor.Ui.Shared;

/// <summary>How the dashboard writes times, sizes and numbers: UTC, invariant culture.</summary>
public static class Format
{
    public static string Time(DateTimeOffset? time) => time?.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) ?? "—";

    public static string Bytes(long bytes) => bytes switch
    {
        >= 1L << 30 => $"{(bytes / (double)(1L << 30)).ToString("0.#", CultureInfo.InvariantCulture)} GiB",
        >= 1L << 20 => $"{(bytes / (double)(1L << 20)).ToString("0.#", CultureInfo.InvariantCulture)} MiB",
        _ => $"{bytes.ToString(CultureInfo.InvariantCulture)} B",
    };

    public static string Number(double value) => value.ToString(Math.Abs(value) >= 100 ? "0.#" : "0.###", CultureInfo.InvariantCulture);

    public static string Ms(double value) => $"{value.ToString("0.#", CultureInfo.InvariantCulture)} ms";
}
