using System.Text.Json.Serialization;

namespace EventReactor.Contracts.Api;

/// <summary>The states of benchmark runs, hosts and repetitions, as stored and shown.</summary>
[JsonConverter(typeof(WireEnumConverter<BenchmarkStatus>))]
public enum BenchmarkStatus
{
    /// <summary>Created, not started.</summary>
    Pending,

    /// <summary>Under way.</summary>
    Running,

    /// <summary>A run or host that finished.</summary>
    Done,

    /// <summary>Ended without results; the reason says why.</summary>
    Failed,

    /// <summary>A repetition that returned and whose results were read.</summary>
    Ok,
}
