using EventReactor.Contracts.Inventory;

namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>Reads <c>/proc/cpuinfo</c>: one blank-line-separated block per logical CPU.</summary>
internal static class CpuInfoParser
{
    // Flags that decide where a benchmark can run; the full list is hundreds long and mostly noise.
    private static readonly string[] NotableFlags =
    [
        "sse4_2", "avx", "avx2", "fma", "f16c", "bmi2", "aes", "vaes", "sha_ni",
        "avx512f", "avx512cd", "avx512dq", "avx512bw", "avx512vl", "avx512ifma", "avx512vbmi", "avx512_vnni",
        "avx512_bf16", "avx512_fp16", "amx_tile", "amx_bf16", "amx_int8",
        "asimd", "sve", "sve2",
    ];

    public static CpuGrains Parse(string cpuinfo, string? architecture)
    {
        var processors = Blocks(cpuinfo).Where(block => block.ContainsKey("processor")).ToList();
        var first = processors.FirstOrDefault() ?? new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var flags = (first.GetValueOrDefault("flags") ?? first.GetValueOrDefault("Features") ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .ToHashSet(StringComparer.Ordinal);
        var threads = processors.Count;
        var (sockets, cores) = Topology(processors, threads);
        return new CpuGrains(
            Vendor(first),
            TextLines.Trimmed(first.GetValueOrDefault("model name")),
            TextLines.Trimmed(architecture) ?? GuessArchitecture(first, flags),
            sockets,
            cores,
            threads,
            NotableFlags.Where(flags.Contains).ToList());
    }

    /// <summary>Whether the first CPU lists the flag, e.g. <c>hypervisor</c>, which x86 guests see.</summary>
    public static bool HasFlag(string? cpuinfo, string flag) =>
        TextLines.Of(cpuinfo)
            .Select(TextLines.SplitColon)
            .FirstOrDefault(pair => pair?.Key is "flags" or "Features") is var (_, flags)
        && flags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(flag, StringComparer.Ordinal);

    private static (int Sockets, int Cores) Topology(List<Dictionary<string, string>> processors, int threads)
    {
        var withIds = processors.Where(p => p.ContainsKey("physical id") && p.ContainsKey("core id")).ToList();
        if (withIds.Count == processors.Count && threads > 0)
        {
            var sockets = withIds.Select(p => p["physical id"]).Distinct(StringComparer.Ordinal).Count();
            var cores = withIds.Select(p => (p["physical id"], p["core id"])).Distinct().Count();
            return (sockets, cores);
        }

        // ARM and some hypervisors leave out the topology; count each logical CPU as a core of one socket.
        return (threads > 0 ? 1 : 0, threads);
    }

    private static string? Vendor(Dictionary<string, string> processor) =>
        processor.GetValueOrDefault("vendor_id") switch
        {
            "GenuineIntel" => "Intel",
            "AuthenticAMD" => "AMD",
            "HygonGenuine" => "Hygon",
            { Length: > 0 } other => other,
            _ => processor.ContainsKey("CPU implementer") ? "ARM" : null,
        };

    private static string? GuessArchitecture(Dictionary<string, string> processor, HashSet<string> flags) =>
        processor.ContainsKey("vendor_id") ? (flags.Contains("lm") ? "x86_64" : "i686")
        : processor.ContainsKey("CPU implementer") ? "aarch64"
        : null;

    private static IEnumerable<Dictionary<string, string>> Blocks(string cpuinfo)
    {
        var block = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var line in TextLines.Of(cpuinfo))
        {
            if (line.Trim().Length == 0)
            {
                if (block.Count > 0)
                {
                    yield return block;
                    block = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                }

                continue;
            }

            if (TextLines.SplitColon(line) is var (key, value))
            {
                block.TryAdd(key, value);
            }
        }

        if (block.Count > 0)
        {
            yield return block;
        }
    }
}
