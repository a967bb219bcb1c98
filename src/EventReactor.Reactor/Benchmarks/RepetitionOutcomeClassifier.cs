using EventReactor.Contracts.Api;
using System.Text.Json;
using EventReactor.Core.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// Reads a <c>container.run</c> return (<c>success</c>, <c>retcode</c>, <c>error</c>, <c>return: {id, exitCode,
/// oomKilled, timedOut, logs}</c>) as a repetition's outcome. An out-of-memory kill wins over the exit code it causes
/// (137), and a run that exits 0 but prints no result is an error: it measured nothing.
/// </summary>
public static class RepetitionOutcomeClassifier
{
    public static RepetitionOutcome Classify(JsonElement data, bool oomReported, IReadOnlyList<ResultReader> readers)
    {
        var value = data.TryGetProperty("return", out var v) && v.ValueKind == JsonValueKind.Object ? v : (JsonElement?)null;
        var containerId = value is { } r && r.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        var exitCode = value is { } e && e.TryGetProperty("exitCode", out var code) && code.TryGetInt32(out var number) ? number : (int?)null;
        if (value is null)
        {
            var error = data.TryGetProperty("error", out var text) && text.ValueKind == JsonValueKind.String ? text.GetString() : null;
            var retcode = data.TryGetProperty("retcode", out var rc) && rc.TryGetInt32(out var c) ? c : -1;
            return RepetitionOutcome.Failed(RepetitionReasons.Error(error ?? $"the minion returned retcode {retcode} and no container"));
        }

        if (oomReported || Flag(value.Value, "oomKilled"))
        {
            return RepetitionOutcome.Failed(RepetitionReasons.Oom, exitCode, containerId);
        }

        if (Flag(value.Value, "timedOut"))
        {
            return RepetitionOutcome.Failed(RepetitionReasons.Timeout, exitCode, containerId);
        }

        if (exitCode is not 0)
        {
            return RepetitionOutcome.Failed(exitCode is { } nonZero ? RepetitionReasons.Exit(nonZero) : RepetitionReasons.Error("the return has no exit code"), exitCode, containerId);
        }

        var logs = value.Value.TryGetProperty("logs", out var l) && l.ValueKind == JsonValueKind.String ? l.GetString()! : string.Empty;
        try
        {
            return new RepetitionOutcome(BenchmarkStatus.Ok, null, exitCode, containerId, ResultExtractor.Extract(readers, logs));
        }
        catch (ResultExtractionException ex)
        {
            return RepetitionOutcome.Failed(RepetitionReasons.Error(ex.Message), exitCode, containerId);
        }
    }

    private static bool Flag(JsonElement value, string name) => value.TryGetProperty(name, out var flag) && flag.ValueKind == JsonValueKind.True;
}
