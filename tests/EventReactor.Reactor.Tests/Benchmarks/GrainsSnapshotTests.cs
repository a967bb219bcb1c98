using System.Text.Json;
using EventReactor.Contracts.Tests.Samples;
using EventReactor.Reactor.Benchmarks;

namespace EventReactor.Reactor.Tests.Benchmarks;

public sealed class GrainsSnapshotTests
{
    [Fact]
    public void From_RecordedInventory_TakesCpuGpusAndKeepsTheWholeTree()
    {
        var grains = RecordedSample.Load("minion-inventory");

        var snapshot = GrainsSnapshot.From(grains);

        Assert.Equal("Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz", snapshot.CpuModel);
        Assert.Equal(["Tesla K80", "Tesla K80"], snapshot.GpuModels);
        Assert.Null(snapshot.InstanceType);
        Assert.Equal(RecordedSample.Canonical(grains), RecordedSample.Canonical(snapshot.All!.Value));
    }

    [Fact]
    public void From_GpuWithoutModel_NamesItUnknown()
    {
        var snapshot = GrainsSnapshot.From(Json("""{"gpus": [{"vendor": "AMD"}], "virtualization": {"instanceType": "p5.48xlarge"}}"""));

        Assert.Equal(["unknown"], snapshot.GpuModels);
        Assert.Equal("p5.48xlarge", snapshot.InstanceType);
        Assert.Null(snapshot.CpuModel);
    }

    [Fact]
    public void From_GrainsOfAnotherShape_HasNoTypedGrainsButKeepsTheTree()
    {
        var snapshot = GrainsSnapshot.From(Json("""{"cpu": {"model": 42}, "rack": "b3"}"""));

        Assert.Null(snapshot.CpuModel);
        Assert.Empty(snapshot.GpuModels);
        Assert.Equal("b3", snapshot.All!.Value.GetProperty("rack").GetString());
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
