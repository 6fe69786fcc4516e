/*
 * tests/sel4test/test_vspace.c - frames and page tables in the root's own address space
 * (spec 6, 8.7, 11.3): write and read through a mapping, remap read-only or
 * ExecuteNever (the prober's faults show the new rights, no stale translation), cap
 * rights and asked-for rights together, unmap and map again with the contents kept,
 * every frame size, copies of one frame cap, deletion and revocation of frames and
 * page tables, moved caps, GetAddress, the boot caps and the root moving one of its
 * own image frames. Partners: vspace_helpers.h, main.c.
 */
#include "vspace_helpers.h"

/* ---- mapping in the root's own address space ---------------------------------------- */

static void vspace_small_page_is_written_and_read_then_remapped_read_only(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(1) + 3 * PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va);
    REQUIRE(f, "frame");
    PROBE_OK(p, PROBE_WRITE, va + 8, 0x12345678);
    CHECK(PROBE_OK(p, PROBE_READ, va + 8, 0) == 0x12345678, "read back 0x%x", p->result);
    CHECK(PROBE_OK(p, PROBE_READ, va + PAGE - 4, 0) == 0, "a new frame is zeroed (0x%x)", p->result);
    REQUIRE(!probe(p, PROBE_READ, va, 0).faulted, "the root's own access would fault");
    CHECK(((volatile seL4_Word *)va)[2] == 0x12345678, "the root reads 0x%x",
          ((volatile seL4_Word *)va)[2]);

    /* Same cap, same address, fewer rights: a remap, after which writes fault. */
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, seL4_CanRead, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, va + 8, 0) == 0x12345678, "read-only page reads 0x%x", p->result);
    PROBE_FAULTS(p, PROBE_WRITE, va + 8);
    CHECK(fs_is_permission(last_fault.fsr), "FSR 0x%x is not a permission fault", last_fault.fsr);
    PROBE_FAULTS(p, PROBE_WRITE, va + PAGE - 4);
    CHECK(PROBE_OK(p, PROBE_READ, va + 8, 0) == 0x12345678, "the faulting write changed the page");
    /* And back to read-write. */
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW, ATTR));
    PROBE_OK(p, PROBE_WRITE, va + 8, 0x55);
    CHECK(PROBE_OK(p, PROBE_READ, va + 8, 0) == 0x55, "read 0x%x after remapping read-write", p->result);
}

static void vspace_mapping_rights_are_the_cap_rights_and_the_requested_ones(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(2);
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr f = new_object(seL4_ARM_SmallPageObject, 0);
    REQUIRE(f, "frame");
    /* A read-only cap maps read-only whatever is asked for. */
    seL4_CPtr ro = copy_cap(f, seL4_CanRead);
    REQUIRE(ro, "copy");
    REQUIRE_OK(seL4_ARM_Page_Map(ro, seL4_CapInitThreadVSpace, va, RW, ATTR));
    PROBE_OK(p, PROBE_READ, va, 0);
    PROBE_FAULTS(p, PROBE_WRITE, va);
    /* Without Read the page is not accessible at all (spec 8.7). */
    seL4_CPtr wo = copy_cap(f, seL4_AllRights);
    REQUIRE(wo, "copy");
    REQUIRE_OK(seL4_ARM_Page_Map(wo, seL4_CapInitThreadVSpace, va + PAGE, seL4_CanWrite, ATTR));
    PROBE_FAULTS(p, PROBE_READ, va + PAGE);
    PROBE_FAULTS(p, PROBE_WRITE, va + PAGE);
    /* Attributes change caching, not access: an uncached mapping reads and writes. */
    seL4_CPtr unc = copy_cap(f, seL4_AllRights);
    REQUIRE(unc, "copy");
    REQUIRE_OK(seL4_ARM_Page_Map(unc, seL4_CapInitThreadVSpace, va + 2 * PAGE, RW, 0));
    PROBE_OK(p, PROBE_WRITE, va + 2 * PAGE, 0x3C3C);
    CHECK(PROBE_OK(p, PROBE_READ, va, 0) == 0x3C3C, "the cached mapping reads 0x%x", p->result);
}

/* mov r0, #42; bx lr */
static const seL4_Word code_return_42[] = {0xE3A0002Au, 0xE12FFF1Eu};

static void vspace_execute_never_page_faults_on_instruction_fetch(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(3) + PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va);
    REQUIRE(f, "frame");
    for (unsigned i = 0; i < 2; i++)
        PROBE_OK(p, PROBE_WRITE, va + 4 * i, code_return_42[i]);
    CHECK_OK(seL4_ARM_Page_Unify_Instruction(f, 0, sizeof(code_return_42)));
    CHECK(PROBE_OK(p, PROBE_EXEC, va, 0) == 42, "the code returned %u", p->result);

    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW,
                               seL4_ARM_Default_VMAttributes | seL4_ARM_ExecuteNever));
    PROBE_FAULTS(p, PROBE_EXEC, va);
    CHECK(fs_is_permission(last_fault.fsr), "IFSR 0x%x is not a permission fault", last_fault.fsr);
    CHECK(last_fault.ip == va, "VMFault IP 0x%x for a fetch at 0x%x", last_fault.ip, va);
    CHECK(PROBE_OK(p, PROBE_READ, va, 0) == code_return_42[0], "data reads still work (0x%x)", p->result);
    /* Executable again once remapped without ExecuteNever. */
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_EXEC, va, 0) == 42, "the code returned %u after the remap", p->result);
}

static void vspace_an_unaligned_exclusive_load_is_an_alignment_fault(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(30);
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    REQUIRE(map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va), "frame");
    PROBE_OK(p, PROBE_WRITE, va + 8, 42);
    CHECK(PROBE_OK(p, PROBE_READ_EXCLUSIVE, va + 8, 0) == 42, "LDREX read %u", p->result);
    /* Mapped and readable, but LDREX needs a word-aligned address: a VM fault all the same. */
    PROBE_FAULTS(p, PROBE_READ_EXCLUSIVE, va + 10);
    CHECK(FSR_STATUS(last_fault.fsr) == FS_ALIGNMENT, "DFSR 0x%x is not an alignment fault",
          last_fault.fsr);
}

static void vspace_unmap_removes_the_translation_and_the_frame_keeps_its_contents(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(4), va2 = VA(4) + 5 * PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va);
    REQUIRE(f, "frame");
    PROBE_OK(p, PROBE_WRITE, va + 0x10, 0xCAFE);
    /* Read first, so that a stale TLB entry would exist if the kernel forgot to flush. */
    PROBE_OK(p, PROBE_READ, va + 0x10, 0);
    CHECK_OK(seL4_ARM_Page_Unmap(f));
    PROBE_FAULTS(p, PROBE_READ, va + 0x10);
    CHECK(fs_is_translation(last_fault.fsr), "FSR 0x%x is not a translation fault", last_fault.fsr);
    PROBE_FAULTS(p, PROBE_WRITE, va);
    CHECK_OK(seL4_ARM_Page_Unmap(f));
    /* An unmapped cap maps anywhere; the frame kept what was written. */
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va2, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, va2 + 0x10, 0) == 0xCAFE, "read 0x%x at the new address", p->result);
    PROBE_FAULTS(p, PROBE_READ, va + 0x10);
    CHECK_OK(seL4_ARM_Page_Unmap(f));
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, va + 0x10, 0) == 0xCAFE, "read 0x%x at the old address", p->result);
}

/* ---- every frame size ----------------------------------------------------------------- */

/* Maps `f` (of `size` bytes) at va, touches its first and last word, unmaps it. */
static void touch_and_unmap(prober_t *p, seL4_CPtr f, seL4_Word va, seL4_Word size)
{
    PROBE_OK(p, PROBE_WRITE, va, 0xF1457);
    PROBE_OK(p, PROBE_WRITE, va + size - 4, 0x1A57);
    CHECK(PROBE_OK(p, PROBE_READ, va, 0) == 0xF1457, "first word 0x%x", p->result);
    CHECK(PROBE_OK(p, PROBE_READ, va + size - 4, 0) == 0x1A57, "last word 0x%x", p->result);
    CHECK(PROBE_OK(p, PROBE_READ, va + size / 2, 0) == 0, "middle word 0x%x", p->result);
    CHECK_OK(seL4_ARM_Page_Unmap(f));
    PROBE_FAULTS(p, PROBE_READ, va);
    PROBE_FAULTS(p, PROBE_READ, va + size - 4);
}

static void vspace_large_page_fills_sixteen_page_table_entries(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(5) + LARGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_LargePageObject, seL4_CapInitThreadVSpace, va);
    seL4_CPtr small = new_object(seL4_ARM_SmallPageObject, 0);
    REQUIRE(f && small, "frames");
    /* Each of the 16 entries is taken: a small page fits in none of them. */
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va, RW, ATTR), seL4_DeleteFirst);
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va + LARGE - PAGE, RW, ATTR),
              seL4_DeleteFirst);
    /* Just outside it there is room. */
    CHECK_OK(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va + LARGE, RW, ATTR));
    for (seL4_Word off = 0; off < LARGE; off += PAGE)
        PROBE_OK(p, PROBE_READ, va + off, 0);
    touch_and_unmap(p, f, va, LARGE);
    PROBE_OK(p, PROBE_READ, va + LARGE, 0);
}

static void vspace_section_maps_a_megabyte_without_a_page_table(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(6) + SECTION;
    seL4_CPtr f = map_frame(seL4_ARM_SectionObject, seL4_CapInitThreadVSpace, va);
    seL4_CPtr pt = new_object(seL4_ARM_PageTableObject, 0);
    seL4_CPtr small = new_object(seL4_ARM_SmallPageObject, 0);
    REQUIRE(f && pt && small, "setup");
    CHECK_ERR(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va, ATTR), seL4_DeleteFirst);
    /* A 4K page there finds a section where its page table would be. */
    CHECK_ERR(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va + PAGE, RW, ATTR),
              seL4_FailedLookup);
    touch_and_unmap(p, f, va, SECTION);
    /* Once the section is gone the page directory entry is free again. */
    CHECK_OK(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va, ATTR));
}

static void vspace_supersection_maps_sixteen_megabytes(void)
{
    prober_t *p = setup_root_prober();
    seL4_CPtr big = ram_untyped(seL4_SuperSectionBits);
    REQUIRE(p && big, "setup (a 16 MiB RAM untyped)");
    seL4_Word va = VA_SUPERSECTION;
    seL4_CPtr f = object_from(big, seL4_ARM_SuperSectionObject, 0);
    seL4_CPtr section = new_object(seL4_ARM_SectionObject, 0);
    REQUIRE(f && section, "frames");
    CHECK_ERR(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va + SECTION, RW, ATTR),
              seL4_AlignmentError);
    REQUIRE_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, va, RW, ATTR));
    /* All 16 page directory entries are taken. */
    CHECK_ERR(seL4_ARM_Page_Map(section, seL4_CapInitThreadVSpace, va + 15 * SECTION, RW, ATTR),
              seL4_DeleteFirst);
    for (seL4_Word off = 0; off < SUPERSECTION; off += SECTION)
        PROBE_OK(p, PROBE_READ, va + off, 0);
    touch_and_unmap(p, f, va, SUPERSECTION);
}

/* ---- one frame, several caps -------------------------------------------------------- */

static void vspace_copies_of_a_frame_cap_share_the_frame_each_mapped_once(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word a = VA(7), b = VA(7) + 7 * PAGE, c = VA(7) + 9 * PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, a), "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, a);
    REQUIRE(f, "frame");
    seL4_CPtr f2 = copy_cap(f, seL4_AllRights);
    REQUIRE(f2, "copy");
    /* A copy of a mapped frame cap is an unmapped cap (spec 5.4). */
    CHECK_OK(seL4_ARM_Page_Map(f2, seL4_CapInitThreadVSpace, b, RW, ATTR));
    PROBE_OK(p, PROBE_WRITE, a + 0x40, 0xAB);
    CHECK(PROBE_OK(p, PROBE_READ, b + 0x40, 0) == 0xAB, "read 0x%x through the second mapping", p->result);
    PROBE_OK(p, PROBE_WRITE, b + 0x44, 0xCD);
    CHECK(PROBE_OK(p, PROBE_READ, a + 0x44, 0) == 0xCD, "read 0x%x through the first mapping", p->result);

    /* One cap, one mapping: another address is refused, so is another address space. */
    CHECK_ERR(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, c, RW, ATTR), seL4_InvalidArgument);
    CHECK_MR(0, 0);
    seL4_CPtr pd = new_object(seL4_ARM_PageDirectoryObject, 0);
    REQUIRE(pd, "page directory");
    REQUIRE_OK(seL4_ARM_ASIDPool_Assign(seL4_CapInitThreadASIDPool, pd));
    REQUIRE(map_pt(pd, a), "page table in the second PD");
    CHECK_ERR(seL4_ARM_Page_Map(f, pd, a, RW, ATTR), seL4_InvalidCapability);
    CHECK_MR(0, 1);
    PROBE_FAULTS(p, PROBE_READ, c);
    /* After Unmap the cap maps elsewhere; the other copy's mapping stays. */
    CHECK_OK(seL4_ARM_Page_Unmap(f));
    CHECK_OK(seL4_ARM_Page_Map(f, seL4_CapInitThreadVSpace, c, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, c + 0x40, 0) == 0xAB, "read 0x%x at the third address", p->result);
    CHECK(PROBE_OK(p, PROBE_READ, b + 0x40, 0) == 0xAB, "the copy's mapping went (0x%x)", p->result);
    PROBE_FAULTS(p, PROBE_READ, a);
}

/* ---- deletion and revocation ------------------------------------------------------------- */

/* The root's prober, and a frame mapped at a through cap *f and at b = a + PAGE through
 * a copy *f2; NULL after recording a failure. */
static prober_t *frame_mapped_twice(seL4_Word a, seL4_CPtr *f, seL4_CPtr *f2)
{
    prober_t *p = setup_root_prober();
    if (!p || !map_pt(seL4_CapInitThreadVSpace, a))
        return NULL;
    *f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, a);
    *f2 = *f ? copy_cap(*f, seL4_AllRights) : 0;
    if (!*f2 || seL4_ARM_Page_Map(*f2, seL4_CapInitThreadVSpace, a + PAGE, RW, ATTR) != seL4_NoError)
        return NULL;
    return p;
}

static void vspace_deleting_a_mapped_frame_cap_removes_its_mapping_only(void)
{
    seL4_CPtr f, f2;
    seL4_Word a = VA(9), b = VA(9) + PAGE;
    prober_t *p = frame_mapped_twice(a, &f, &f2);
    REQUIRE(p, "setup: a frame mapped through two caps");
    PROBE_OK(p, PROBE_WRITE, a, 0x77);
    /* Not the last cap to the frame, but the one holding the mapping at a. */
    CHECK_OK(seL4_CNode_Delete(ROOT_CNODE, f, ROOT_DEPTH));
    PROBE_FAULTS(p, PROBE_READ, a);
    CHECK(PROBE_OK(p, PROBE_READ, b, 0) == 0x77, "the copy's mapping reads 0x%x", p->result);
    /* The last cap. */
    CHECK_OK(seL4_CNode_Delete(ROOT_CNODE, f2, ROOT_DEPTH));
    PROBE_FAULTS(p, PROBE_READ, b);
}

static void vspace_revoking_the_untyped_removes_the_mappings_of_its_frames(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(10);
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr ut = new_untyped(seL4_LargePageBits + 1);
    REQUIRE(ut, "untyped");
    seL4_CPtr small = object_from(ut, seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = object_from(ut, seL4_ARM_LargePageObject, 0);
    REQUIRE(small && large, "frames");
    REQUIRE_OK(seL4_ARM_Page_Map(small, seL4_CapInitThreadVSpace, va, RW, ATTR));
    REQUIRE_OK(seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, va + LARGE, RW, ATTR));
    PROBE_OK(p, PROBE_READ, va, 0);
    PROBE_OK(p, PROBE_READ, va + 2 * LARGE - 4, 0);
    CHECK_OK(seL4_CNode_Revoke(ROOT_CNODE, ut, ROOT_DEPTH));
    CHECK_CAP(small, CAP_NULL);
    CHECK_CAP(large, CAP_NULL);
    PROBE_FAULTS(p, PROBE_READ, va);
    PROBE_FAULTS(p, PROBE_READ, va + LARGE);
    PROBE_FAULTS(p, PROBE_READ, va + 2 * LARGE - 4);
}

static void vspace_deleting_a_mapped_page_table_removes_its_pages(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(11);
    seL4_CPtr pt = map_pt(seL4_CapInitThreadVSpace, va);
    REQUIRE(pt, "page table");
    seL4_CPtr f1 = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va);
    seL4_CPtr f2 = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va + 0xFF000);
    REQUIRE(f1 && f2, "frames");
    PROBE_OK(p, PROBE_WRITE, va, 0x1111);
    PROBE_OK(p, PROBE_READ, va + 0xFF000, 0);
    CHECK_OK(seL4_CNode_Delete(ROOT_CNODE, pt, ROOT_DEPTH));
    PROBE_FAULTS(p, PROBE_READ, va);
    PROBE_FAULTS(p, PROBE_READ, va + 0xFF000);
    /* The frames' caps survive; unmapping them now finds nothing to do. */
    CHECK_CAP(f1, CAP_SMALL_FRAME);
    CHECK_OK(seL4_ARM_Page_Unmap(f1));
    CHECK_OK(seL4_ARM_Page_Unmap(f2));
    /* A new table in the same place, and the frame (with its contents) maps again. */
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "second page table");
    CHECK_OK(seL4_ARM_Page_Map(f1, seL4_CapInitThreadVSpace, va, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, va, 0) == 0x1111, "read 0x%x", p->result);
    PROBE_FAULTS(p, PROBE_READ, va + 0xFF000);
}

static void vspace_unmapping_a_page_table_removes_its_pages(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word va = VA(12);
    seL4_CPtr pt = map_pt(seL4_CapInitThreadVSpace, va);
    REQUIRE(pt, "page table");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, va + PAGE);
    REQUIRE(f, "frame");
    PROBE_OK(p, PROBE_READ, va + PAGE, 0);
    /* With a copy of the cap around, Unmap refuses (spec 8.7, 11.9). */
    seL4_CPtr copy = copy_cap(pt, seL4_AllRights);
    REQUIRE(copy, "a mapped page table can be copied");
    CHECK_ERR(seL4_ARM_PageTable_Unmap(pt), seL4_RevokeFirst);
    CHECK_ERR(seL4_ARM_PageTable_Unmap(copy), seL4_RevokeFirst);
    PROBE_OK(p, PROBE_READ, va + PAGE, 0);
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, copy, ROOT_DEPTH));
    PROBE_OK(p, PROBE_READ, va + PAGE, 0);
    CHECK_OK(seL4_ARM_PageTable_Unmap(pt));
    PROBE_FAULTS(p, PROBE_READ, va + PAGE);
    CHECK_OK(seL4_ARM_PageTable_Unmap(pt));
    /* The unmapped table maps again, empty: the page it held is gone (spec 8.7). */
    CHECK_OK(seL4_ARM_PageTable_Map(pt, seL4_CapInitThreadVSpace, va, ATTR));
    PROBE_FAULTS(p, PROBE_READ, va + PAGE);
}

static void vspace_get_address_gives_the_physical_address(void)
{
    /* The pool has no children at the start of a test, so retyping starts at its base. */
    seL4_Word base = untyped_paddr(pool_untyped);
    seL4_CPtr s1 = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr s2 = new_object(seL4_ARM_SmallPageObject, 0);
    seL4_CPtr large = new_object(seL4_ARM_LargePageObject, 0);
    seL4_CPtr section = new_object(seL4_ARM_SectionObject, 0);
    REQUIRE(s1 && s2 && large && section, "frames");
    static const seL4_Word offset[] = {0, PAGE, LARGE, SECTION};
    seL4_CPtr caps[] = {s1, s2, large, section};
    for (unsigned i = 0; i < 4; i++) {
        seL4_ARM_Page_GetAddress_t r = seL4_ARM_Page_GetAddress(caps[i]);
        CHECK(r.error == seL4_NoError, "GetAddress of frame %u gave %s", i, err_name(r.error));
        CHECK(r.paddr == base + offset[i], "frame %u is at 0x%x, expected 0x%x", i, r.paddr, base + offset[i]);
    }
    /* Mapped or copied, the answer is the same. */
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, VA(13)), "page table");
    REQUIRE_OK(seL4_ARM_Page_Map(s2, seL4_CapInitThreadVSpace, VA(13), RW, ATTR));
    seL4_CPtr copy = copy_cap(s2, seL4_CanRead);
    REQUIRE(copy, "copy");
    CHECK(seL4_ARM_Page_GetAddress(s2).paddr == base + PAGE, "mapped frame moved");
    CHECK(seL4_ARM_Page_GetAddress(copy).paddr == base + PAGE, "the copy names another frame");
    /* A device frame names device memory: the device untyped's own address. */
    seL4_CPtr dev = find_device_untyped(seL4_PageBits);
    if (dev) {
        revoke_after_test(dev);
        seL4_CPtr df = slot_alloc();
        REQUIRE(df, "slot");
        REQUIRE_OK(retype_into(dev, seL4_ARM_SmallPageObject, 0, df, 1));
        seL4_ARM_Page_GetAddress_t r = seL4_ARM_Page_GetAddress(df);
        CHECK(r.error == seL4_NoError && r.paddr == untyped_paddr(dev), "device frame at 0x%x (%s), expected 0x%x",
              r.paddr, err_name(r.error), untyped_paddr(dev));
    }
}

/* ---- the root's own image ---------------------------------------------------------------- */

/* A page of the root's image that nothing else uses. */
static volatile seL4_Word moving_page[PAGE / sizeof(seL4_Word)] __attribute__((aligned(4096)));

static void vspace_root_moves_one_of_its_image_frames(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word home = (seL4_Word)moving_page, va = VA(14), check_va = VA(14) + PAGE;
    REQUIRE(home >= image_start() && home < (seL4_Word)bi->ipcBuffer, "page 0x%x outside the image", home);
    seL4_CPtr cap = bi->userImageFrames.start + (home - image_start()) / PAGE;
    for (unsigned i = 0; i < PAGE / sizeof(seL4_Word); i++)
        moving_page[i] = i * 7 + 3;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    /* First make sure this is the right cap: an (unmapped) copy shows the same data. */
    seL4_CPtr copy = copy_cap(cap, seL4_CanRead);
    REQUIRE(copy, "copy");
    REQUIRE_OK(seL4_ARM_Page_Map(copy, seL4_CapInitThreadVSpace, check_va, seL4_CanRead, ATTR));
    REQUIRE(PROBE_OK(p, PROBE_READ, check_va + 40, 0) == 10 * 7 + 3,
            "image frame cap %u does not hold 0x%x (read 0x%x)", cap, home, p->result);
    REQUIRE_OK(seL4_CNode_Delete(ROOT_CNODE, copy, ROOT_DEPTH));

    /* The boot caps of image frames hold their mappings (seL4 makes them mapped). */
    CHECK_OK(seL4_ARM_Page_Unmap(cap));
    PROBE_FAULTS(p, PROBE_READ, home);
    seL4_Error err = seL4_ARM_Page_Map(cap, seL4_CapInitThreadVSpace, va, RW, ATTR);
    CHECK(err == seL4_NoError, "mapping the image frame elsewhere gave %s", err_name(err));
    if (err == seL4_NoError && !probe(p, PROBE_READ, va, 0).faulted) {
        unsigned bad = 0;
        for (unsigned i = 0; i < PAGE / sizeof(seL4_Word); i++)
            bad += ((volatile seL4_Word *)va)[i] != i * 7 + 3;
        CHECK(bad == 0, "%u words differ at the new address", bad);
        ((volatile seL4_Word *)va)[5] = 0x5E5E;
    } else {
        CHECK(0, "the image frame is not readable at its new address");
    }
    /* Home again, so the image is whole for the tests that follow. */
    CHECK_OK(seL4_ARM_Page_Unmap(cap));
    CHECK_OK(seL4_ARM_Page_Map(cap, seL4_CapInitThreadVSpace, home, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, home + 20, 0) == 0x5E5E, "read 0x%x at home", p->result);
}

static void vspace_the_last_page_below_user_top_maps(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word last = seL4_UserTop - PAGE;
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, last), "page table below seL4_UserTop");
    seL4_CPtr f = map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, last);
    seL4_CPtr large = new_object(seL4_ARM_LargePageObject, 0);
    REQUIRE(f && large, "frames");
    PROBE_OK(p, PROBE_WRITE, seL4_UserTop - 4, 0x70B);
    CHECK(PROBE_OK(p, PROBE_READ, seL4_UserTop - 4, 0) == 0x70B, "read 0x%x", p->result);
    CHECK_ERR(seL4_ARM_Page_Map(large, seL4_CapInitThreadVSpace, seL4_UserTop, RW, ATTR), seL4_InvalidArgument);
    CHECK_MR(0, 0);
}

static void vspace_revoking_a_frame_cap_unmaps_its_copies(void)
{
    seL4_CPtr f, f2;
    seL4_Word a = VA(26), b = VA(26) + PAGE;
    prober_t *p = frame_mapped_twice(a, &f, &f2);
    REQUIRE(p, "setup: a frame mapped through two caps");
    PROBE_OK(p, PROBE_READ, b, 0);
    /* The retyped cap is the original: revoking it deletes the copy and its mapping. */
    CHECK_OK(seL4_CNode_Revoke(ROOT_CNODE, f, ROOT_DEPTH));
    CHECK_CAP(f2, CAP_NULL);
    PROBE_FAULTS(p, PROBE_READ, b);
    PROBE_OK(p, PROBE_READ, a, 0);
}

static void vspace_a_moved_frame_cap_keeps_its_mapping(void)
{
    prober_t *p = setup_root_prober();
    REQUIRE(p, "setup");
    seL4_Word a = VA(27);
    seL4_CPtr pt = map_pt(seL4_CapInitThreadVSpace, a);
    seL4_CPtr f = pt ? map_frame(seL4_ARM_SmallPageObject, seL4_CapInitThreadVSpace, a) : 0;
    seL4_CPtr to = slot_alloc(), pt_to = slot_alloc();
    REQUIRE(f && to && pt_to, "setup");
    REQUIRE_OK(seL4_CNode_Move(ROOT_CNODE, to, ROOT_DEPTH, ROOT_CNODE, f, ROOT_DEPTH));
    REQUIRE_OK(seL4_CNode_Move(ROOT_CNODE, pt_to, ROOT_DEPTH, ROOT_CNODE, pt, ROOT_DEPTH));
    PROBE_OK(p, PROBE_WRITE, a, 0xE0E0);
    /* Still mapped at a: another address is refused; Unmap through the new slot works. */
    CHECK_ERR(seL4_ARM_Page_Map(to, seL4_CapInitThreadVSpace, a + PAGE, RW, ATTR), seL4_InvalidArgument);
    CHECK_ERR(seL4_ARM_PageTable_Map(pt_to, seL4_CapInitThreadVSpace, a + SECTION, ATTR),
              seL4_InvalidCapability);
    CHECK_OK(seL4_ARM_Page_Unmap(to));
    PROBE_FAULTS(p, PROBE_READ, a);
    CHECK_OK(seL4_ARM_Page_Map(to, seL4_CapInitThreadVSpace, a, RW, ATTR));
    CHECK(PROBE_OK(p, PROBE_READ, a, 0) == 0xE0E0, "read 0x%x", p->result);
    /* Deleting the moved page table takes the page away. */
    CHECK_OK(seL4_CNode_Delete(ROOT_CNODE, pt_to, ROOT_DEPTH));
    PROBE_FAULTS(p, PROBE_READ, a);
}

/* Spec 10: the root's image frames, IPC buffer and BootInfo frames and the image's page
 * tables are mapped caps (seL4 hands them out mapped). Checked without unmapping them. */
static void vspace_boot_frame_and_page_table_caps_are_mapped(void)
{
    seL4_Word va = VA(28);
    REQUIRE(map_pt(seL4_CapInitThreadVSpace, va), "page table");
    seL4_CPtr frames[] = {bi->userImageFrames.start, bi->userImageFrames.end - 1, seL4_CapInitThreadIPCBuffer,
                          seL4_CapBootInfoFrame};
    for (unsigned i = 0; i < 4; i++) {
        CHECK_CAP(frames[i], CAP_SMALL_FRAME);
        seL4_Error err = seL4_ARM_Page_Map(frames[i], seL4_CapInitThreadVSpace, va, RW, ATTR);
        CHECK(err == seL4_InvalidArgument && seL4_GetMR(0) == 0,
              "mapping boot frame cap %u elsewhere gave %s (MR0 %u), expected InvalidArgument 0", frames[i],
              err_name(err), seL4_GetMR(0));
        CHECK_OK(seL4_ARM_Page_Clean_Data(frames[i], 0, PAGE));
    }
    seL4_Word n = bi->userImagePaging.end - bi->userImagePaging.start;
    CHECK(n >= 1, "BootInfo lists %u image page tables", n);
    for (seL4_Word i = 0; i < n; i++) {
        CHECK_CAP(bi->userImagePaging.start + i, CAP_PAGE_TABLE);
        CHECK_ERR(seL4_ARM_PageTable_Map(bi->userImagePaging.start + i, seL4_CapInitThreadVSpace, va + SECTION,
                                         ATTR),
                  seL4_InvalidCapability);
        CHECK_MR(0, 0);
    }
}

const test_case_t vspace_tests[] = {
    TEST_CASE(vspace_boot_frame_and_page_table_caps_are_mapped),
    TEST_CASE(vspace_the_last_page_below_user_top_maps),
    TEST_CASE(vspace_get_address_gives_the_physical_address),
    TEST_CASE(vspace_small_page_is_written_and_read_then_remapped_read_only),
    TEST_CASE(vspace_mapping_rights_are_the_cap_rights_and_the_requested_ones),
    TEST_CASE(vspace_execute_never_page_faults_on_instruction_fetch),
    TEST_CASE(vspace_an_unaligned_exclusive_load_is_an_alignment_fault),
    TEST_CASE(vspace_unmap_removes_the_translation_and_the_frame_keeps_its_contents),
    TEST_CASE(vspace_large_page_fills_sixteen_page_table_entries),
    TEST_CASE(vspace_section_maps_a_megabyte_without_a_page_table),
    TEST_CASE(vspace_supersection_maps_sixteen_megabytes),
    TEST_CASE(vspace_copies_of_a_frame_cap_share_the_frame_each_mapped_once),
    TEST_CASE(vspace_deleting_a_mapped_frame_cap_removes_its_mapping_only),
    TEST_CASE(vspace_revoking_the_untyped_removes_the_mappings_of_its_frames),
    TEST_CASE(vspace_revoking_a_frame_cap_unmaps_its_copies),
    TEST_CASE(vspace_a_moved_frame_cap_keeps_its_mapping),
    TEST_CASE(vspace_deleting_a_mapped_page_table_removes_its_pages),
    TEST_CASE(vspace_unmapping_a_page_table_removes_its_pages),
    TEST_CASE(vspace_root_moves_one_of_its_image_frames),
};
const unsigned vspace_test_count = sizeof(vspace_tests) / sizeof(vspace_tests[0]);
