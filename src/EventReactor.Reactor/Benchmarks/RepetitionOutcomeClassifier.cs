using EventReactor.Contracts;
using EventReactor.Contracts.Jobs;
using EventReactor.Contracts.Api;
using EventReactor.Core.Benchmarks;

namespace EventReactor.Reactor.Benchmarks;

/// <summary>
/// Reads a <c>container.run</c> return (<c>success</c>, <c>retcode</c>, <c>error</c>, <c>return: {id, exitCode,
/// oomKilled, timedOut, logs}</c>) as a repetition's outcome. An out-of-memory kill wins over the exit code it causes
/// (137), and a run that exits 0 but prints no result is an error: it measured nothing.
/// </summary>
public static class RepetitionOutcomeClassifier
{
    public static RepetitionOutcome Classify(JobReturned? returned, bool oomReported, IReadOnlyList<ResultReader> readers)
    {
        var value = returned?.Return is { } data ? EventData.Read<ContainerRunCompleted>(data) : null;
        if (value is null)
        {
            return RepetitionOutcome.Failed(RepetitionReasons.Error(returned?.Error ?? $"the minion returned retcode {returned?.RetCode ?? -1} and no container"));
        }

        var containerId = value.Id;
        var exitCode = value.ExitCode;
        if (oomReported || value.OomKilled)
        {
            return RepetitionOutcome.Failed(RepetitionReasons.Oom, exitCode, containerId);
        }

        if (value.TimedOut)
        {
            return RepetitionOutcome.Failed(RepetitionReasons.Timeout, exitCode, containerId);
        }

        if (exitCode is not 0)
        {
            return RepetitionOutcome.Failed(exitCode is { } nonZero ? RepetitionReasons.Exit(nonZero) : RepetitionReasons.Error("the return has no exit code"), exitCode, containerId);
        }

        var logs = value.Logs ?? string.Empty;
        try
        {
            return new RepetitionOutcome(BenchmarkStatus.Ok, null, exitCode, containerId, ResultExtractor.Extract(readers, logs));
        }
        catch (ResultExtractionException ex)
        {
            return RepetitionOutcome.Failed(RepetitionReasons.Error(ex.Message), exitCode, containerId);
        }
    }
}
