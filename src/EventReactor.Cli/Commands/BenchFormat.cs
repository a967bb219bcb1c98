using System.Globalization;
using System.Text.Json;

namespace EventReactor.Cli.Commands;

/// <summary>How benchmark figures read in tables: enough digits to compare, no more.</summary>
internal static class BenchFormat
{
    public static string Number(JsonElement value) => value.ValueKind == JsonValueKind.Number ? Number(value.GetDouble()) : "-";

    public static string Number(double value) => Math.Abs(value) switch
    {
        >= 100 => value.ToString("F0", CultureInfo.InvariantCulture),
        >= 1 => value.ToString("F2", CultureInfo.InvariantCulture),
        0 => "0",
        _ => value.ToString("G3", CultureInfo.InvariantCulture),
    };

    /// <summary>A run's repetitions as its policy says: <c>5</c>, or <c>3-10</c> when the RSD decides.</summary>
    public static string Repetitions(JsonElement policy) =>
        policy.GetProperty("min").GetInt32() == policy.GetProperty("max").GetInt32()
            ? $"{policy.GetProperty("max").GetInt32()}"
            : $"{policy.GetProperty("min").GetInt32()}-{policy.GetProperty("max").GetInt32()}";

    /// <summary>Bytes in binary units: 512B, 3.4MiB.</summary>
    public static string Bytes(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            return "-";
        }

        var bytes = value.GetDouble();
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        while (Math.Abs(bytes) >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes.ToString("F0", CultureInfo.InvariantCulture)}B" : $"{bytes.ToString("F1", CultureInfo.InvariantCulture)}{units[unit]}";
    }

    public static string Percent(JsonElement value) => value.ValueKind == JsonValueKind.Number ? $"{value.GetDouble().ToString("F2", CultureInfo.InvariantCulture)}%" : "-";

    public static string Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString()! : "-";

    public static string Time(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? value.GetDateTimeOffset().ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";

    /// <summary>The statistics columns shared by <c>bench run</c>, <c>show</c> and <c>results</c>: N MEAN STDDEV RSD% MIN MAX P50 P95.</summary>
    public static IEnumerable<string> Stats(JsonElement row) =>
    [
        row.GetProperty("n").GetInt32().ToString(CultureInfo.InvariantCulture),
        Number(row.GetProperty("mean")),
        Number(row.GetProperty("stddev")),
        Percent(row.GetProperty("rsd")),
        Number(row.GetProperty("min")),
        Number(row.GetProperty("max")),
        Number(row.GetProperty("p50")),
        Number(row.GetProperty("p95")),
    ];

    public static readonly string[] StatsHeaders = ["N", "MEAN", "STDDEV", "RSD%", "MIN", "MAX", "P50", "P95"];
}
