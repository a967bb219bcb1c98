namespace EventReactor.Core.Rules;

/// <summary>The globs that share one literal prefix and one literal suffix.</summary>
internal sealed class GlobBucket
{
    private readonly List<GlobEntry> _pending = [];

    public GlobEntry[] Globs { get; private set; } = [];

    public void Add(GlobEntry entry) => _pending.Add(entry);

    /// <summary>Freezes the added globs into the array that matching reads.</summary>
    public void Seal() => Globs = [.. _pending];
}
