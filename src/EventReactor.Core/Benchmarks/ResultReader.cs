using System.Text.RegularExpressions;

namespace EventReactor.Core.Benchmarks;

/// <summary>
/// One entry of a suite's <c>results</c>. For <see cref="ResultReaderKind.Regex"/>, <see cref="Metric"/> and
/// <see cref="Unit"/> name what a match without a <c>metric</c>/<c>unit</c> group measures; <see cref="HigherIsBetter"/>
/// says which way is an improvement. <see cref="Where"/> names the entry in messages (<c>results[0]</c>).
/// </summary>
public sealed record ResultReader(ResultReaderKind Kind, Regex? Pattern, string? Metric, string? Unit, bool HigherIsBetter, string Where);
