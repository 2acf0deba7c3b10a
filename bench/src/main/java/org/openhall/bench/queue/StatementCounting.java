package org.openhall.bench.queue;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;

/**
 * Counts, per thread, the SQL statements executed and the commits — the round trips to PostgreSQL — by wrapping the
 * application's {@link DataSource} (only in node 2 of the benchmark, never in the node whose throughput is measured).
 * Handed to the application as a source, like {@link BenchClock}.
 */
public class StatementCounting {

    private static final ThreadLocal<long[]> COUNTS = ThreadLocal.withInitial(() -> new long[2]);

    /** Statements executed by this thread so far. */
    static long statements() {
        return COUNTS.get()[0];
    }

    /** Commits by this thread so far. */
    static long commits() {
        return COUNTS.get()[1];
    }

    @Bean
    static BeanPostProcessor statementCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                return bean instanceof DataSource ds ? wrap(ds, DataSource.class) : bean;
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> T wrap(T target, Class<T> type) {
        InvocationHandler h = (proxy, method, args) -> {
            Object result = invoke(target, method, args);
            String name = method.getName();
            if (result instanceof Connection c && name.equals("getConnection")) {
                return wrap(c, Connection.class);
            }
            if (result instanceof CallableStatement s) {
                return wrap(s, CallableStatement.class);
            }
            if (result instanceof PreparedStatement s) {
                return wrap(s, PreparedStatement.class);
            }
            if (result instanceof Statement s && name.equals("createStatement")) {
                return wrap(s, Statement.class);
            }
            if (target instanceof Statement && name.startsWith("execute")) {
                COUNTS.get()[0]++;
            } else if (target instanceof Connection && name.equals("commit")) {
                COUNTS.get()[1]++;
            }
            return result;
        };
        return (T) Proxy.newProxyInstance(StatementCounting.class.getClassLoader(), new Class<?>[] {type}, h);
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
