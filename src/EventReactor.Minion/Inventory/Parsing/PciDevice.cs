namespace EventReactor.Minion.Inventory.Parsing;

/// <summary>
/// A PCI function as lspci or sysfs tells it. Ids are four lower-case hex digits; <see cref="ClassCode"/> is class
/// and subclass (<c>0302</c> 3D controller, <c>1200</c> processing accelerator). Names are null when only sysfs was read.
/// </summary>
internal sealed record PciDevice(
    string Address,
    string ClassCode,
    string VendorId,
    string DeviceId,
    string? VendorName = null,
    string? DeviceName = null,
    string? SubsystemDeviceName = null,
    string? Driver = null);
