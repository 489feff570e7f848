package io.github.hypergrad4j.spark;

import com.esotericsoftware.kryo.Kryo;
import com.esotericsoftware.kryo.KryoSerializable;
import com.esotericsoftware.kryo.io.Input;
import com.esotericsoftware.kryo.io.Output;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * A value that always travels by Java serialisation, even when the cluster's {@code spark.serializer}
 * is Kryo. Problems are {@link Serializable} descriptions that may hold records (which Kryo 4 cannot
 * rebuild) and transient caches (which Java serialisation leaves empty, as they must be).
 */
final class JavaSerialized<T extends Serializable> implements Serializable, KryoSerializable {
    private static final long serialVersionUID = 1L;

    private T value;

    JavaSerialized(T value) {
        this.value = value;
    }

    T get() {
        return value;
    }

    @Override
    public void write(Kryo kryo, Output output) {
        byte[] bytes = toBytes(value);
        output.writeInt(bytes.length);
        output.writeBytes(bytes);
    }

    @Override
    public void read(Kryo kryo, Input input) {
        value = fromBytes(input.readBytes(input.readInt()));
    }

    static byte[] toBytes(Serializable value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException("could not serialise " + value.getClass().getName(), e);
        }
        return bytes.toByteArray();
    }

    @SuppressWarnings("unchecked")
    static <T> T fromBytes(byte[] bytes) {
        try (ObjectInputStream in = new ContextLoaderInput(new ByteArrayInputStream(bytes))) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException("could not deserialise a problem", e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("class " + e.getMessage() + " is not on the executor's class path;"
                    + " ship the jar that holds it with spark-submit", e);
        }
    }

    /** Resolves classes with the task's context class loader, which sees the jars given to spark-submit. */
    private static final class ContextLoaderInput extends ObjectInputStream {
        ContextLoaderInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader != null) {
                try {
                    return Class.forName(desc.getName(), false, loader);
                } catch (ClassNotFoundException notThere) {
                    // fall back to the default resolution (also handles primitives)
                }
            }
            return super.resolveClass(desc);
        }
    }
}
