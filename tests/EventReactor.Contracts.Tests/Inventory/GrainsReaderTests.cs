using System.Text.Json;
using EventReactor.Contracts.Inventory;
using EventReactor.Contracts.Tests.Samples;

namespace EventReactor.Contracts.Tests.Inventory;

public sealed class GrainsReaderTests
{
    [Fact]
    public void Read_RecordedInventory_ReadsEverySection()
    {
        var grains = GrainsReader.Read(RecordedSample.Load("minion-inventory"));

        Assert.NotNull(grains);
        Assert.Equal("Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz", grains.Cpu.Model);
        Assert.Equal(135060893696, grains.Memory.TotalBytes);
        Assert.Equal(["Tesla K80", "Tesla K80"], grains.Gpus.Select(gpu => gpu.Model));
        Assert.Null(grains.Virtualization.InstanceType);
    }

    [Fact]
    public void Read_OnlySomeSections_ReadsThoseAndLeavesTheRestNull()
    {
        var grains = GrainsReader.Read(Json("""{"cpu": {"model": "Test CPU 9000"}, "gpus": [{"model": "Tesla K80"}]}"""));

        Assert.NotNull(grains);
        Assert.Equal("Test CPU 9000", grains.Cpu.Model);
        Assert.Equal("Tesla K80", Assert.Single(grains.Gpus).Model);
        Assert.Null(grains.Virtualization);
    }

    [Theory]
    [InlineData("""{"cpu": {"model": 42}}""")]
    [InlineData("""{"gpus": {"model": "Tesla K80"}}""")]
    [InlineData("""["cpu"]""")]
    [InlineData("null")]
    public void Read_AnotherShape_IsNull(string json)
    {
        Assert.Null(GrainsReader.Read(Json(json)));
    }

    [Fact]
    public void Read_NoGrains_IsNull()
    {
        Assert.Null(GrainsReader.Read(null));
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
