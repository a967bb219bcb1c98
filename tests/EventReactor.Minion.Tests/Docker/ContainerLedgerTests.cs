using EventReactor.Minion.Docker;

namespace EventReactor.Minion.Tests.Docker;

public sealed class ContainerLedgerTests
{
    [Fact]
    public void IsNew_StreamedDieAfterReconciledDie_IsADuplicate()
    {
        var ledger = new ContainerLedger([new ContainerState("a", "web", "img", true, "start", 100)]);
        ledger.Record("a", "die", 500, null, null);

        Assert.False(ledger.IsNew("a", "die", 501));
    }

    [Fact]
    public void IsNew_StreamedStartOlderThanReconciledDie_IsADuplicate()
    {
        var ledger = new ContainerLedger([]);
        ledger.Record("a", "start", 200, "web", "img");
        ledger.Record("a", "die", 500, null, null);

        Assert.False(ledger.IsNew("a", "start", 201));
    }

    [Fact]
    public void IsNew_RestartAfterDie_IsNew()
    {
        var ledger = new ContainerLedger([new ContainerState("a", "web", "img", false, "die", 500)]);

        Assert.True(ledger.IsNew("a", "start", 600));
    }

    [Fact]
    public void IsNew_SecondDestroy_IsADuplicate()
    {
        var ledger = new ContainerLedger([new ContainerState("a", "web", "img", false, "destroy", 500)]);

        Assert.False(ledger.IsNew("a", "destroy", 900));
    }

    [Fact]
    public void IsNew_NonLifecycleAction_IsAlwaysNew()
    {
        var ledger = new ContainerLedger([new ContainerState("a", "web", "img", true, "start", 500)]);

        Assert.True(ledger.IsNew("a", "health_status", 100));
    }
}
