using EventReactor.Minion.Inventory.Parsing;

namespace EventReactor.Minion.Tests.Inventory.Parsing;

public sealed class PciAddressTests
{
    [Theory]
    [InlineData("00000000:00:1E.0", "0000:00:1e.0")]
    [InlineData("3b:00.1", "0000:3b:00.1")]
    [InlineData("0000:63:00.0", "0000:63:00.0")]
    public void Normalize_AnyToolsForm_GivesTheSysfsForm(string address, string expected) =>
        Assert.Equal(expected, PciAddress.Normalize(address));
}
