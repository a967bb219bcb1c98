using System.Text.RegularExpressions;
using EventReactor.Core.Benchmarks;

namespace EventReactor.Core.Tests.Benchmarks;

public sealed class ResultExtractorTests
{
    private static ResultReader Regex(string pattern, string? metric = "rate", string? unit = "op/s") =>
        new(ResultReaderKind.Regex, new Regex(pattern, RegexOptions.Multiline), metric, unit, true, "results[0]");

    [Fact]
    public void Extract_RegexPrintedTwice_TakesTheLastValue()
    {
        var values = ResultExtractor.Extract([Regex(@"rate: (?<value>[0-9.]+)")], "rate: 1.5\nrate: 2.5\ndone\n");

        var value = Assert.Single(values);
        Assert.Equal(new MetricValue("rate", 2.5, "op/s", true), value);
    }

    [Fact]
    public void Extract_RegexWithMetricAndUnitGroups_NamesEachMetric()
    {
        var reader = Regex(@"^(?<metric>\w+)=(?<value>[0-9.e+-]+)(?<unit>\S*)$", metric: null, unit: null);

        var values = ResultExtractor.Extract([reader], "read=1e3MB/s\nwrite=250MB/s\nlatency=3\n");

        Assert.Equal(3, values.Count);
        Assert.Contains(new MetricValue("read", 1000, "MB/s", true), values);
        Assert.Contains(new MetricValue("latency", 3, string.Empty, true), values);
    }

    [Fact]
    public void Extract_JsonLines_ReadsObjectsAndSkipsOtherLines()
    {
        var reader = new ResultReader(ResultReaderKind.JsonLines, null, null, null, true, "results[0]");
        const string output = "starting\n{\"metric\":\"lat\",\"value\":4.5,\"unit\":\"ms\",\"higherIsBetter\":false}\n{not json\n{\"metric\":\"ops\",\"value\":10}\n";

        var values = ResultExtractor.Extract([reader], output);

        Assert.Contains(new MetricValue("lat", 4.5, "ms", false), values);
        Assert.Contains(new MetricValue("ops", 10, string.Empty, true), values);
    }

    [Fact]
    public void Extract_RegexMatchesNothing_FailsNamingTheReader()
    {
        var error = Assert.Throws<ResultExtractionException>(() => ResultExtractor.Extract([Regex(@"rate: (?<value>[0-9.]+)")], "Killed\n"));

        Assert.StartsWith("results[0]: the regex", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Extract_ValueNotANumber_Fails()
    {
        var error = Assert.Throws<ResultExtractionException>(() => ResultExtractor.Extract([Regex(@"rate: (?<value>\S+)")], "rate: fast\n"));

        Assert.Contains("'fast' is not a number", error.Message, StringComparison.Ordinal);
    }
}
