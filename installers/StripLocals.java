import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import jdk.internal.org.objectweb.asm.AnnotationVisitor;
import jdk.internal.org.objectweb.asm.ClassReader;
import jdk.internal.org.objectweb.asm.ClassVisitor;
import jdk.internal.org.objectweb.asm.ClassWriter;
import jdk.internal.org.objectweb.asm.Label;
import jdk.internal.org.objectweb.asm.MethodVisitor;
import jdk.internal.org.objectweb.asm.Opcodes;
import jdk.internal.org.objectweb.asm.TypePath;

/**
 * Copies a jar without the local variable tables of its classes (the names and types of local variables, which only a
 * debugger reads), as jlink's --strip-debug does for the JDK's own modules. Line numbers and source file names stay,
 * so stack traces read as before; method parameter names (the MethodParameters attribute) stay too. Everything else
 * is copied as is: the class's constant pool and any attribute ASM does not know are kept byte for byte. A class
 * this JDK's ASM cannot read (a newer class file version, under META-INF/versions/) is copied unchanged.
 *
 * <pre>java --add-exports java.base/jdk.internal.org.objectweb.asm=ALL-UNNAMED installers/StripLocals.java IN OUT</pre>
 */
public class StripLocals {
    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: StripLocals IN.jar OUT.jar");
            System.exit(2);
        }
        long before = 0, after = 0;
        int stripped = 0, kept = 0;
        try (ZipFile in = new ZipFile(args[0]);
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(Path.of(args[1])))) {
            out.setLevel(Deflater.BEST_COMPRESSION);
            for (Enumeration<? extends ZipEntry> e = in.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                byte[] bytes;
                try (InputStream s = in.getInputStream(entry)) {
                    bytes = s.readAllBytes();
                }
                if (entry.getName().endsWith(".class") && !entry.isDirectory()) {
                    byte[] smaller = strip(bytes);
                    before += bytes.length;
                    if (smaller != null) {
                        after += smaller.length;
                        bytes = smaller;
                        stripped++;
                    } else {
                        after += bytes.length;
                        kept++;
                    }
                }
                ZipEntry copy = new ZipEntry(entry.getName());
                copy.setTime(entry.getTime());
                if (entry.getMethod() == ZipEntry.STORED) {
                    // Stored entries (an already compressed archive) stay stored.
                    CRC32 crc = new CRC32();
                    crc.update(bytes);
                    copy.setMethod(ZipEntry.STORED);
                    copy.setSize(bytes.length);
                    copy.setCompressedSize(bytes.length);
                    copy.setCrc(crc.getValue());
                }
                out.putNextEntry(copy);
                out.write(bytes);
                out.closeEntry();
            }
        }
        System.out.printf(
                "StripLocals: %d classes without local variable tables (%d kept as they were),"
                        + " class bytes %.1f MB -> %.1f MB%n",
                stripped, kept, before / 1e6, after / 1e6);
    }

    /** The class without local variable tables, or null if it has none or cannot be read. */
    static byte[] strip(byte[] bytes) {
        ClassReader reader;
        try {
            reader = new ClassReader(bytes);
        } catch (RuntimeException tooNew) {
            return null;
        }
        boolean[] found = {false};
        ClassWriter writer = new ClassWriter(reader, 0);
        ClassVisitor visitor = new ClassVisitor(Opcodes.ASM8, writer) {
            @Override
            public MethodVisitor visitMethod(
                    int access, String name, String descriptor, String signature, String[] exceptions) {
                MethodVisitor mv = super.visitMethod(access, name, descriptor, signature, exceptions);
                return new MethodVisitor(Opcodes.ASM8, mv) {
                    @Override
                    public void visitLocalVariable(
                            String n, String d, String s, Label start, Label end, int index) {
                        found[0] = true;
                    }

                    @Override
                    public AnnotationVisitor visitLocalVariableAnnotation(
                            int typeRef,
                            TypePath typePath,
                            Label[] start,
                            Label[] end,
                            int[] index,
                            String d,
                            boolean visible) {
                        found[0] = true;
                        return null;
                    }
                };
            }
        };
        try {
            reader.accept(visitor, 0);
            return found[0] ? writer.toByteArray() : null;
        } catch (RuntimeException unreadable) {
            return null;
        }
    }
}
