using System.Text.Json;
using EventReactor.Contracts.Tests.Samples;
using EventReactor.Reactor.Minions;
using EventReactor.Reactor.Ui.Pages;

namespace EventReactor.Reactor.Tests.Ui.Pages;

public sealed class MinionRowsTests
{
    [Fact]
    public void From_DocumentedGrains_FillsEveryHardwareColumn()
    {
        var row = MinionRows.From(Minion(RecordedSample.Load("minion-inventory-documented")), ["gpu"]);

        Assert.Equal("Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz", row.CpuModel);
        Assert.Equal((12, 24, 135060893696L), (row.Cores, row.Threads, row.MemoryBytes));
        Assert.Equal(["Tesla K80"], row.Gpus);
        Assert.Equal(1, row.Fpgas);
        Assert.Equal(["gpu"], row.Pools);
    }

    [Fact]
    public void From_OnlySomeSections_ShowsThoseAndLeavesTheRestEmpty()
    {
        var row = MinionRows.From(Minion(Json("""{"cpu": {"model": "Test CPU 9000", "threads": 8}, "gpus": [{"vendor": "NVIDIA"}]}""")), []);

        Assert.Equal("Test CPU 9000", row.CpuModel);
        Assert.Equal((0, 8, 0L, 0), (row.Cores, row.Threads, row.MemoryBytes, row.Fpgas));
        Assert.Equal(["GPU"], row.Gpus);
    }

    [Fact]
    public void From_GrainsOfAnotherShape_ShowsEmptyColumns()
    {
        var row = MinionRows.From(Minion(Json("""{"cpu": "x86_64", "memory": {"totalBytes": "lots"}}""")), []);

        Assert.Null(row.CpuModel);
        Assert.Equal((0, 0, 0L, 0), (row.Cores, row.Threads, row.MemoryBytes, row.Fpgas));
        Assert.Empty(row.Gpus);
    }

    private static MinionRecord Minion(JsonElement grains) =>
        new("m1", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, true, 10, grains);

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement.Clone();
}
