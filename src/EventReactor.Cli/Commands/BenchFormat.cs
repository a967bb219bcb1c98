using System.Globalization;
using EventReactor.Contracts.Api;
using EventReactor.Contracts.Benchmarks;

namespace EventReactor.Cli.Commands;

/// <summary>How benchmark figures read in tables: enough digits to compare, no more.</summary>
internal static class BenchFormat
{
    public static string Number(double? value) => value switch
    {
        null => "-",
        { } v when Math.Abs(v) >= 100 => v.ToString("F0", CultureInfo.InvariantCulture),
        { } v when Math.Abs(v) >= 1 => v.ToString("F2", CultureInfo.InvariantCulture),
        0 => "0",
        { } v => v.ToString("G3", CultureInfo.InvariantCulture),
    };

    /// <summary>A run's repetitions as its policy says: <c>5</c>, or <c>3-10</c> when the RSD decides.</summary>
    public static string Repetitions(BenchmarkPolicy policy) =>
        policy.Min == policy.Max ? $"{policy.Max}" : $"{policy.Min}-{policy.Max}";

    /// <summary>Bytes in binary units: 512B, 3.4MiB.</summary>
    public static string Bytes(double value)
    {
        var bytes = value;
        string[] units = ["B", "KiB", "MiB", "GiB", "TiB"];
        var unit = 0;
        while (Math.Abs(bytes) >= 1024 && unit < units.Length - 1)
        {
            bytes /= 1024;
            unit++;
        }

        return unit == 0 ? $"{bytes.ToString("F0", CultureInfo.InvariantCulture)}B" : $"{bytes.ToString("F1", CultureInfo.InvariantCulture)}{units[unit]}";
    }

    public static string Percent(double value) => $"{value.ToString("F2", CultureInfo.InvariantCulture)}%";

    public static string Text(string? value) => value ?? "-";

    public static string Time(DateTimeOffset? value) =>
        value is { } time ? time.ToLocalTime().ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) : "-";

    /// <summary>The statistics columns shared by <c>bench run</c>, <c>show</c> and <c>results</c>: N MEAN STDDEV RSD% MIN MAX P50 P95.</summary>
    public static IEnumerable<string> Stats(IMetricStatistics row) =>
    [
        row.N.ToString(CultureInfo.InvariantCulture),
        Number(row.Mean),
        Number(row.Stddev),
        Percent(row.Rsd),
        Number(row.Min),
        Number(row.Max),
        Number(row.P50),
        Number(row.P95),
    ];

    public static readonly string[] StatsHeaders = ["N", "MEAN", "STDDEV", "RSD%", "MIN", "MAX", "P50", "P95"];
}
