using EventReactor.Minion.Commands;
using Microsoft.Extensions.Options;

namespace EventReactor.Minion.Tests.Commands;

public sealed class PolicyCheckerTests
{
    private static PolicyChecker Checker(Action<MinionPolicy>? configure = null)
    {
        var policy = new MinionPolicy { AllowedImages = ["eventreactor/*", "bench/cpu:*"], MaxCpus = 4, MaxMemory = "2g" };
        configure?.Invoke(policy);
        new PolicyDefaults().PostConfigure(null, policy);
        return new PolicyChecker(Options.Create(policy));
    }

    private static PolicyChecker DefaultChecker()
    {
        var policy = new MinionPolicy();
        new PolicyDefaults().PostConfigure(null, policy);
        return new PolicyChecker(Options.Create(policy));
    }

    [Theory]
    [InlineData("eventreactor/busybox:latest")]
    [InlineData("eventreactor/busybox")]
    [InlineData("bench/cpu:1.2")]
    public void CheckImage_AllowedGlob_Passes(string image) => Checker().CheckImage(image);

    [Fact]
    public void CheckImage_NotAllowed_NamesTheSetting()
    {
        var denied = Assert.Throws<PolicyDeniedException>(() => Checker().CheckImage("evil/miner:latest"));

        Assert.Equal("denied by policy: image 'evil/miner:latest' is not in Minion:Policy:AllowedImages [eventreactor/*, bench/cpu:*]", denied.Message);
    }

    [Fact]
    public void CheckDevice_DefaultPolicy_AllowsAcceleratorsNotDisks()
    {
        var checker = Checker();

        checker.CheckDevice("/dev/nvidia0");
        checker.CheckDevice("/dev/dri/renderD128");
        checker.CheckDevice("/dev/null");
        Assert.Contains("AllowedDevices", Assert.Throws<PolicyDeniedException>(() => checker.CheckDevice("/dev/sda")).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void CheckPrivileged_DefaultPolicy_Denies()
    {
        Assert.Contains("AllowPrivileged is false", Assert.Throws<PolicyDeniedException>(() => Checker().CheckPrivileged(true)).Message, StringComparison.Ordinal);
        Checker(p => p.AllowPrivileged = true).CheckPrivileged(true);
    }

    [Theory]
    [InlineData("eventreactor/busybox:latest")]
    [InlineData("busybox")]
    [InlineData("busybox:1.36")]
    public void CheckImage_DefaultPolicyShippedImage_Passes(string image) => DefaultChecker().CheckImage(image);

    [Theory]
    [InlineData("evil/miner:latest")]
    [InlineData("nginx:latest")]
    [InlineData("busyboxx")]
    public void CheckImage_DefaultPolicyOtherImage_Denies(string image) =>
        Assert.Contains("AllowedImages [eventreactor/*, busybox, busybox:*]", Assert.Throws<PolicyDeniedException>(() => DefaultChecker().CheckImage(image)).Message, StringComparison.Ordinal);

    [Fact]
    public void CheckNetwork_DefaultPolicy_DeniesHostNetworkOnly()
    {
        var checker = DefaultChecker();

        checker.CheckNetwork(null);
        checker.CheckNetwork("none");
        checker.CheckNetwork("bridge");
        Assert.Contains("AllowHostNetwork is false", Assert.Throws<PolicyDeniedException>(() => checker.CheckNetwork("host")).Message, StringComparison.Ordinal);
        Checker(p => p.AllowHostNetwork = true).CheckNetwork("host");
    }

    [Fact]
    public void CheckLimits_OverMaximum_Denies()
    {
        var checker = Checker();

        checker.CheckCpus(4);
        checker.CheckMemory(2L << 30);
        Assert.Contains("MaxCpus", Assert.Throws<PolicyDeniedException>(() => checker.CheckCpus(4.5)).Message, StringComparison.Ordinal);
        Assert.Contains("MaxMemory", Assert.Throws<PolicyDeniedException>(() => checker.CheckMemory((2L << 30) + 1)).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void PostConfigure_NothingConfigured_GivesDefaultsButKeepsAConfiguredList()
    {
        var empty = new MinionPolicy();
        var configured = new MinionPolicy { AllowedImages = ["eventreactor/*"] };

        new PolicyDefaults().PostConfigure(null, empty);
        new PolicyDefaults().PostConfigure(null, configured);

        Assert.Equal(MinionPolicy.DefaultAllowedImages, empty.AllowedImages);
        Assert.Equal(MinionPolicy.DefaultAllowedDevices, empty.AllowedDevices);
        Assert.Equal(["eventreactor/*"], configured.AllowedImages);
    }
}
