package vn.egov.devstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@code ./egov logs [component...] [-f] [-n lines]}. */
final class Logs {

    private Logs() {}

    static int show(Stack stack, StackConfig config, List<String> args, PrintStream out) {
        boolean follow = false;
        int lines = 50;
        List<String> names = new ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "-f", "--follow" -> follow = true;
                case "-n", "--lines" -> lines = Integer.parseInt(args.get(++i));
                default -> names.add(stack.component(arg).name);
            }
        }
        if (names.isEmpty()) {
            stack.components().forEach(component -> names.add(component.name));
        }
        boolean prefix = names.size() > 1;
        Map<String, Long> offsets = new LinkedHashMap<>();
        for (String name : names) {
            Path log = config.log(name);
            if (!Files.exists(log)) {
                if (!prefix) {
                    out.println("(no log yet: " + config.display(log) + ")");
                }
                offsets.put(name, 0L);
                continue;
            }
            if (prefix) {
                out.println("==> " + config.display(log) + " <==");
            }
            Processes.tail(log, lines).forEach(out::println);
            try {
                offsets.put(name, Files.size(log));
            } catch (IOException e) {
                offsets.put(name, 0L);
            }
        }
        if (!follow) {
            return 0;
        }
        try {
            while (true) {
                for (Map.Entry<String, Long> entry : offsets.entrySet()) {
                    entry.setValue(printNew(
                            config.log(entry.getKey()), entry.getValue(), prefix ? entry.getKey() : null, out));
                }
                Thread.sleep(300);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Prints what was appended since {@code offset}; starts over when the file was rotated. */
    private static long printNew(Path log, long offset, String prefix, PrintStream out) {
        if (!Files.exists(log)) {
            return 0;
        }
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length < offset) {
                offset = 0;
            }
            if (length == offset) {
                return offset;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
            file.seek(offset);
            file.readFully(bytes);
            String text = new String(bytes, StandardCharsets.UTF_8);
            int lastNewline = text.lastIndexOf('\n');
            if (lastNewline < 0) {
                return offset; // wait for the end of the line
            }
            for (String line : text.substring(0, lastNewline).split("\n", -1)) {
                out.println(prefix == null ? line : prefix + " | " + line);
            }
            return offset + text.substring(0, lastNewline + 1).getBytes(StandardCharsets.UTF_8).length;
        } catch (IOException e) {
            return offset;
        }
    }
}
