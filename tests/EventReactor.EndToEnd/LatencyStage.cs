namespace EventReactor.EndToEnd;

/// <summary>
/// One stage of the reactions of a steady phase (ms): its median and 99th percentile over all of them, and its mean
/// over the slowest 1% end to end, which says where the tail's time went.
/// </summary>
internal sealed record LatencyStage(string Key, string Name, double P50, double P99, double TailMean);
