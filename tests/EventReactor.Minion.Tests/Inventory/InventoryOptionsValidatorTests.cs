using EventReactor.Minion.Inventory;

namespace EventReactor.Minion.Tests.Inventory;

public sealed class InventoryOptionsValidatorTests
{
    [Fact]
    public void Validate_Defaults_Succeeds() =>
        Assert.True(new InventoryOptionsValidator().Validate(null, new MinionOptions()).Succeeded);

    [Fact]
    public void Validate_MissingGrainsFile_FailsNamingTheKey()
    {
        var result = new InventoryOptionsValidator().Validate(null, new MinionOptions { GrainsFile = "/nonexistent/grains.yaml" });

        Assert.Contains("Minion:GrainsFile", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ZeroInventoryInterval_FailsNamingTheKey()
    {
        var result = new InventoryOptionsValidator().Validate(null, new MinionOptions { InventoryInterval = TimeSpan.Zero });

        Assert.Contains("Minion:InventoryInterval", result.FailureMessage, StringComparison.Ordinal);
    }
}
