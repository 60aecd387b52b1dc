package vn.egov.registry.citizen;

/** Father, mother, spouse or legal representative: by personal ID number when a citizen, else by name. */
public record Relative(String pid, String name) {

    public Relative {
        name = Names.nfc(name);
        if (pid == null && (name == null || name.isEmpty())) {
            throw new IllegalArgumentException("a relative needs a personal ID number or a name");
        }
    }

    public static Relative of(String pid, String name) {
        return pid == null && name == null ? null : new Relative(pid, name);
    }
}
