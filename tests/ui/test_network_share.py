"""The shop file on a network share is detected (the owner is warned)."""

from salon_desk.network_share import filesystem_type, on_network_share

MOUNTS = """\
/dev/sda1 / ext4 rw,relatime 0 0
server:/export/salon /mnt/salon nfs4 rw,relatime 0 0
//nas/shop\\040files /mnt/shop\\040files cifs rw 0 0
tmpfs /mnt/salon/tmp tmpfs rw 0 0
"""


def test_the_longest_mount_point_decides():
    assert filesystem_type("/home/boss/shop.sqlite", MOUNTS) == "ext4"
    assert filesystem_type("/mnt/salon/shop.sqlite", MOUNTS) == "nfs4"
    assert filesystem_type("/mnt/salon/tmp/shop.sqlite", MOUNTS) == "tmpfs"
    assert filesystem_type("/mnt/salonX/shop.sqlite", MOUNTS) == "ext4"     # not inside /mnt/salon


def test_nfs_and_smb_are_network_shares_local_disks_are_not():
    assert on_network_share("/mnt/salon/shop.sqlite", MOUNTS, platform="linux")
    assert on_network_share("/mnt/shop files/shop.sqlite", MOUNTS, platform="linux")
    assert not on_network_share("/home/boss/shop.sqlite", MOUNTS, platform="linux")
    assert not on_network_share("/mnt/salon/tmp/shop.sqlite", MOUNTS, platform="linux")


def test_a_unc_path_on_windows_is_a_network_share():
    assert on_network_share(r"\\nas\shop\shop.sqlite", platform="win32")


def test_the_owner_is_warned_in_the_window(shop, make_window, owner, cashier):
    shop.on_network_share = True
    assert make_window(owner).network_banner.isVisible()
    assert not make_window(cashier).network_banner.isVisible()
