namespace EventReactor.Minion.Tests.Inventory;

public sealed class InventoryCollectorFixtureTests
{
    private const long MiB = 1024 * 1024;

    [Fact]
    public async Task CollectAsync_K80Host_ReportsBothGpusOfTheBoardWithUuids()
    {
        var grains = await Fixtures.CollectAsync(Fixtures.K80Host);

        Assert.Equal(2, grains.Gpus.Count);
        Assert.All(grains.Gpus, gpu =>
        {
            Assert.Equal("NVIDIA", gpu.Vendor);
            Assert.Equal("Tesla K80", gpu.Model);
            Assert.Equal(11441 * MiB, gpu.MemoryBytes);
            Assert.Equal("470.182.03", gpu.Driver);
            Assert.StartsWith("GPU-", gpu.Uuid, StringComparison.Ordinal);
        });
        Assert.Equal(["0000:04:00.0", "0000:05:00.0"], grains.Gpus.Select(gpu => gpu.PciAddress));
        Assert.Equal(2, grains.Gpus.Select(gpu => gpu.Uuid).Distinct().Count());
        Assert.Empty(grains.Accelerators); // the ASPEED BMC VGA is neither
    }

    [Fact]
    public async Task CollectAsync_K80Host_ReportsDualSocketHaswellBareMetal()
    {
        var grains = await Fixtures.CollectAsync(Fixtures.K80Host);

        Assert.Equal(("Intel", "Intel(R) Xeon(R) CPU E5-2620 v3 @ 2.40GHz", "x86_64"), (grains.Cpu.Vendor, grains.Cpu.Model, grains.Cpu.Architecture));
        Assert.Equal((2, 12, 24), (grains.Cpu.Sockets, grains.Cpu.Cores, grains.Cpu.Threads));
        Assert.Contains("avx2", grains.Cpu.Flags);
        Assert.DoesNotContain("avx512f", grains.Cpu.Flags);
        Assert.Equal(131895404L * 1024, grains.Memory.TotalBytes);
        Assert.Equal(["0-5,12-17", "6-11,18-23"], grains.Numa.Select(node => node.Cpus));
        Assert.Equal(("none", null), (grains.Virtualization.Hypervisor, grains.Virtualization.Cloud));
        Assert.Equal(("Ubuntu", "20.04", "5.4.0-169-generic"), (grains.Os.Name, grains.Os.Version, grains.Os.Kernel));
    }

    [Fact]
    public async Task CollectAsync_K80Host_WarnsThatDockerRootHasTooFewInodes()
    {
        var grains = await Fixtures.CollectAsync(Fixtures.K80Host);

        Assert.Equal(("/var/lib/docker", "ext4", 1877504L, 1503211L), (grains.DockerRoot!.Path, grains.DockerRoot.FsType, grains.DockerRoot.InodesTotal, grains.DockerRoot.InodesFree));
        Assert.Equal(480653568L * 4096, grains.DockerRoot.SizeBytes);
        Assert.Contains(grains.Warnings, warning => warning.StartsWith("dockerRoot:", StringComparison.Ordinal) && warning.Contains("inodes", StringComparison.Ordinal));
        Assert.Equal(("24.0.7", "1.43", "overlay2", "1"), (grains.Docker!.Version, grains.Docker.ApiVersion, grains.Docker.StorageDriver, grains.Docker.CgroupVersion));
        Assert.Equal(["nvidia", "runc"], grains.Docker.Runtimes);
    }

    [Fact]
    public async Task CollectAsync_K80Host_ListsRealDisksAndInterfacesOnly()
    {
        var grains = await Fixtures.CollectAsync(Fixtures.K80Host);

        Assert.Equal([("sda", false), ("sdb", true)], grains.Disks.Select(disk => (disk.Name, disk.Rotational ?? false)));
        Assert.Equal(3907029168L * 512, grains.Disks[1].SizeBytes);
        Assert.Equal(["docker0", "eno1", "eno2"], grains.Network.Select(nic => nic.Name));
        Assert.Equal(1000, grains.Network.Single(nic => nic.Name == "eno1").SpeedMbps);
        Assert.Null(grains.Network.Single(nic => nic.Name == "eno2").SpeedMbps); // link down: the kernel says -1
    }

    [Fact]
    public async Task CollectAsync_Mi50Host_ReportsTheAmdGpuFromLspciAndSysfs()
    {
        var grains = await Fixtures.CollectAsync(Fixtures.Mi50Host);

        var gpu = Assert.Single(grains.Gpus); // the ASPEED BMC VGA is not a GPU
        Assert.Equal(("AMD", "Radeon Instinct MI50 32GB", "amdgpu"), (gpu.Vendor, gpu.Model, gpu.Driver));
        Assert.Equal((34342961152L, "a5c3d1e22f1b4c7d", "0000:63:00.0"), (gpu.MemoryBytes, gpu.Uuid, gpu.PciAddress));
        Assert.Empty(grains.Accelerators);
        Assert.Equal(("AMD", 1, 16, 32), (grains.Cpu.Vendor, grains.Cpu.Sockets, grains.Cpu.Cores, grains.Cpu.Threads));
        Assert.Equal(("xfs", "2"), (grains.DockerRoot!.FsType, grains.Docker!.CgroupVersion));
        Assert.Empty(grains.Warnings);
    }

    [Fact]
    public async Task CollectAsync_Mi50HostWithoutLspci_FindsTheGpuInSysfs()
    {
        var grains = await Fixtures.CollectAsync(Fixtures.Mi50Host, withCommands: false);

        var gpu = Assert.Single(grains.Gpus);
        Assert.Equal(("AMD", "0000:63:00.0", 34342961152L, "amdgpu"), (gpu.Vendor, gpu.PciAddress, gpu.MemoryBytes, gpu.Driver));
    }

    [Fact]
    public async Task CollectAsync_AlveoHost_ReportsTheFpgaAsOneAcceleratorAndNoGpu()
    {
        var grains = await Fixtures.CollectAsync(Fixtures.AlveoHost);

        var fpga = Assert.Single(grains.Accelerators); // management and user functions of one card
        Assert.Equal(("Xilinx", "Alveo U250", "fpga", "0000:3b:00.0", "xclmgmt"), (fpga.Vendor, fpga.Model, fpga.Kind, fpga.PciAddress, fpga.Driver));
        Assert.Empty(grains.Gpus); // the Matrox BMC VGA is not a GPU
    }

    [Fact]
    public async Task CollectAsync_AlveoHost_ReportsCascadeLakeTopologyAndFlags()
    {
        var grains = await Fixtures.CollectAsync(Fixtures.AlveoHost);

        Assert.Equal((2, 40, 80), (grains.Cpu.Sockets, grains.Cpu.Cores, grains.Cpu.Threads));
        Assert.Equal("x86_64", grains.Cpu.Architecture); // a 4.18 kernel has no /proc/sys/kernel/arch
        Assert.Contains("avx512f", grains.Cpu.Flags);
        Assert.Contains("avx512_vnni", grains.Cpu.Flags);
        Assert.Equal(("Rocky Linux", "8.9"), (grains.Os.Name, grains.Os.Version));
        Assert.Equal(["sda"], grains.Disks.Select(disk => disk.Name)); // device-mapper volumes are not disks
        Assert.Equal(("none", "Dell Inc.", "PowerEdge R740"), (grains.Virtualization.Hypervisor, grains.Virtualization.Vendor, grains.Virtualization.Product));
    }

    [Fact]
    public async Task CollectAsync_AwsG4dn_ReportsCloudInstanceTypeAndT4()
    {
        var grains = await Fixtures.CollectAsync(Fixtures.AwsG4dn);

        Assert.Equal(("nitro", "aws", "g4dn.xlarge"), (grains.Virtualization.Hypervisor, grains.Virtualization.Cloud, grains.Virtualization.InstanceType));
        var gpu = Assert.Single(grains.Gpus); // Amazon's own VGA device is not a GPU
        Assert.Equal(("Tesla T4", 15360 * MiB, "0000:00:1e.0"), (gpu.Model, gpu.MemoryBytes, gpu.PciAddress));
        Assert.Equal((1, 2, 4), (grains.Cpu.Sockets, grains.Cpu.Cores, grains.Cpu.Threads));
        Assert.Null(Assert.Single(grains.Network, nic => nic.Name == "ens5").SpeedMbps);
        Assert.Equal(["nvme0n1", "nvme1n1"], grains.Disks.Select(disk => disk.Name));
    }
}
