using EventReactor.Minion.Inventory.Parsing;

namespace EventReactor.Minion.Tests.Inventory.Parsing;

public sealed class NvidiaSmiParserTests
{
    [Fact]
    public void Parse_NotSupportedFields_LeavesThemNull()
    {
        var gpu = Assert.Single(NvidiaSmiParser.Parse("0, NVIDIA GeForce GT 710, [N/A], [Not Supported], 470.223.02, 00000000:01:00.0\n"));

        Assert.Equal(("NVIDIA GeForce GT 710", null, null, "0000:01:00.0"), (gpu.Model, gpu.Uuid, gpu.MemoryBytes, gpu.PciAddress));
    }

    [Fact]
    public void Parse_ErrorText_FindsNoGpu() =>
        Assert.Empty(NvidiaSmiParser.Parse("NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\n"));
}
