using EventReactor.Contracts.Api;
using System.Text.Json;
using System.Text.RegularExpressions;
using EventReactor.Contracts;
using EventReactor.Contracts.Jobs;
using EventReactor.Core.Benchmarks;
using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class RepetitionOutcomeClassifierTests
{
    private static readonly ResultReader[] Readers = [new(ResultReaderKind.Regex, new Regex("v=(?<value>[0-9]+)"), "v", "", true, "results[0]")];

    private static JobReturned? Json(string text) => EventData.Read<JobReturned>(JsonDocument.Parse(text).RootElement);

    [Fact]
    public void Classify_OomKilledWithExit137_IsOom()
    {
        var outcome = RepetitionOutcomeClassifier.Classify(Json("""{"success": false, "retcode": 137, "return": {"id": "c1", "exitCode": 137, "oomKilled": true, "timedOut": false, "logs": ""}}"""), false, Readers);

        Assert.Equal((BenchmarkStatus.Failed, "oom", 137, "c1"), (outcome.Status, outcome.Reason, outcome.ExitCode, outcome.ContainerId));
    }

    [Fact]
    public void Classify_OomReportedByTheEngineEventOnly_IsOom() =>
        Assert.Equal("oom", RepetitionOutcomeClassifier.Classify(Json("""{"success": false, "return": {"exitCode": 137, "oomKilled": false, "logs": ""}}"""), true, Readers).Reason);

    [Fact]
    public void Classify_TimedOut_IsTimeout() =>
        Assert.Equal("timeout", RepetitionOutcomeClassifier.Classify(Json("""{"success": false, "retcode": 124, "return": {"exitCode": 137, "oomKilled": false, "timedOut": true, "logs": ""}}"""), false, Readers).Reason);

    [Fact]
    public void Classify_NonZeroExit_IsExitWithTheCode() =>
        Assert.Equal("exit 3", RepetitionOutcomeClassifier.Classify(Json("""{"success": false, "retcode": 3, "return": {"exitCode": 3, "logs": "v=1"}}"""), false, Readers).Reason);

    [Fact]
    public void Classify_FunctionFailedWithoutContainer_IsErrorWithTheMinionsMessage() =>
        Assert.Equal("error: denied by policy: image", RepetitionOutcomeClassifier.Classify(Json("""{"success": false, "retcode": 1, "return": null, "error": "denied by policy: image"}"""), false, Readers).Reason);

    [Fact]
    public void Classify_ExitZeroWithResult_IsOkWithValues()
    {
        var outcome = RepetitionOutcomeClassifier.Classify(Json("""{"success": true, "retcode": 0, "return": {"id": "c2", "exitCode": 0, "logs": "v=7\n"}}"""), false, Readers);

        Assert.True(outcome.Succeeded);
        Assert.Equal([new MetricValue("v", 7, string.Empty, true)], outcome.Values);
    }
}
