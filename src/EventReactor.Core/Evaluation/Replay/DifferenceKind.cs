namespace EventReactor.Core.Evaluation.Replay;

/// <summary>How a candidate's reaction differs from the live one.</summary>
internal enum DifferenceKind
{
    Added,
    Removed,
    Changed,
    NowErroring,
}
