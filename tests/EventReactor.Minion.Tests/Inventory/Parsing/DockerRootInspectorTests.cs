using EventReactor.Contracts.Inventory;
using EventReactor.Minion.Inventory.Parsing;

namespace EventReactor.Minion.Tests.Inventory.Parsing;

public sealed class DockerRootInspectorTests
{
    private const long GiB = 1L << 30;

    private static DockerGrains Overlay => new("24.0.7", "1.43", "overlay2", "2", ["runc"], "/var/lib/docker");

    [Fact]
    public void Warnings_DefaultExt4Ratio_None() =>
        Assert.Empty(DockerRootInspector.Warnings(new DockerRootGrains("/var/lib/docker", "ext4", 100 * GiB, 90 * GiB, 6_553_600, 6_000_000), Overlay));

    [Fact]
    public void Warnings_AlmostNoFreeInodes_Warns() =>
        Assert.Contains("inodes free", Assert.Single(DockerRootInspector.Warnings(new DockerRootGrains("/var/lib/docker", "ext4", 100 * GiB, 90 * GiB, 6_553_600, 1_000), Overlay)), StringComparison.Ordinal);

    [Fact]
    public void Warnings_DynamicInodes_None() =>
        Assert.Empty(DockerRootInspector.Warnings(new DockerRootGrains("/var/lib/docker", "btrfs", 100 * GiB, 90 * GiB, 0, 0), Overlay));

    [Fact]
    public void Warnings_NotOverlay_None() =>
        Assert.Empty(DockerRootInspector.Warnings(new DockerRootGrains("/var/lib/docker", "ext4", 100 * GiB, 90 * GiB, 1_000, 10), Overlay with { StorageDriver = "devicemapper" }));
}
