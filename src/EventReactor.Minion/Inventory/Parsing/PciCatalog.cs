namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>The PCI vendors and devices the inventory knows by id, so that names do not depend on the host's pci.ids.</summary>
internal static class PciCatalog
{
    public static readonly IReadOnlyDictionary<string, string> GpuVendors = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["10de"] = "NVIDIA",
        ["1002"] = "AMD",
        ["8086"] = "Intel",
    };

    // Display devices of those vendors that are server management (BMC) VGA, not GPUs: ATI ES1000.
    public static readonly IReadOnlySet<string> NotGpus = new HashSet<string>(StringComparer.Ordinal) { "1002:515e", "1002:515c" };

    // Vendors that make nothing but FPGAs (Xilinx, Altera): any function of theirs is an accelerator whatever its class.
    public static readonly IReadOnlyDictionary<string, string> FpgaVendors = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["10ee"] = "Xilinx",
        ["1172"] = "Intel",
    };

    public static readonly IReadOnlyDictionary<string, string> AcceleratorVendors = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["10ee"] = "Xilinx",
        ["1172"] = "Intel",
        ["1d0f"] = "Amazon",
        ["1da3"] = "Habana",
        ["8086"] = "Intel",
        ["1002"] = "AMD",
        ["10de"] = "NVIDIA",
        ["1e52"] = "Tenstorrent",
        ["1e7e"] = "Graphcore",
    };

    /// <summary>Known accelerator functions by <c>vendor:device</c>: model and kind.</summary>
    public static readonly IReadOnlyDictionary<string, (string Model, string Kind)> Accelerators =
        new Dictionary<string, (string Model, string Kind)>(StringComparer.Ordinal)
        {
            ["10ee:5000"] = ("Alveo U200", "fpga"),
            ["10ee:5001"] = ("Alveo U200", "fpga"),
            ["10ee:5004"] = ("Alveo U250", "fpga"),
            ["10ee:5005"] = ("Alveo U250", "fpga"),
            ["10ee:500c"] = ("Alveo U280", "fpga"),
            ["10ee:500d"] = ("Alveo U280", "fpga"),
            ["10ee:5020"] = ("Alveo U50", "fpga"),
            ["10ee:5021"] = ("Alveo U50", "fpga"),
            ["1d0f:f000"] = ("AWS F1 FPGA", "fpga"),
            ["1d0f:f001"] = ("AWS F1 FPGA", "fpga"),
            ["1d0f:f010"] = ("AWS F1 FPGA", "fpga"),
            ["8086:09c4"] = ("Intel PAC Arria 10 GX", "fpga"),
            ["8086:0b30"] = ("Intel PAC Arria 10 GX", "fpga"),
            ["8086:0b2b"] = ("Intel PAC D5005", "fpga"),
            ["1da3:1000"] = ("Gaudi", "ai"),
            ["1da3:1020"] = ("Gaudi2", "ai"),
        };
}
