using System.Text.Json;
using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class GrainPathTests
{
    private static readonly JsonElement Grains = JsonDocument.Parse("""
        {"cpu": {"model": "AMD EPYC 7R13", "threads": 8}, "gpus": [{"model": "Tesla K80"}, {"model": "Tesla K80"}, {"model": "A100"}], "virtualization": {"instanceType": null}}
        """).RootElement;

    [Theory]
    [InlineData("cpu.model", "AMD EPYC 7R13")]
    [InlineData("cpu.threads", "8")]
    [InlineData("gpus.model", "Tesla K80, A100")]
    [InlineData("gpus[0].model", "Tesla K80")]
    [InlineData("gpus[2].model", "A100")]
    [InlineData("gpus[3].model", GrainPath.Missing)]
    [InlineData("virtualization.instanceType", GrainPath.Missing)]
    [InlineData("no.such.grain", GrainPath.Missing)]
    public void Text_Path_ReadsTheGroupValue(string path, string expected) => Assert.Equal(expected, GrainPath.Text(Grains, path));
}
