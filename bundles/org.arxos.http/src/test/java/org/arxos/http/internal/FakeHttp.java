package org.arxos.http.internal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * A servlet request and response in memory, enough for the API's filters and servlets: headers, status, bodies. A
 * method they do not cover fails loudly, naming itself. The response commits when the first byte of its body arrives,
 * stricter than a container, which buffers.
 */
final class FakeHttp {

    private FakeHttp() {
    }

    /** Configuration annotations as SCR hands them over when nothing is configured: every attribute at its default. */
    static <A> A defaults(Class<A> type) {
        return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type},
                (proxy, method, args) -> method.getName().equals("annotationType") ? type : method.getDefaultValue()));
    }

    static final class Request {
        private final String method;
        private final String path;
        private final String query;
        private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        private final Map<String, Object> attributes = new HashMap<>();
        private byte[] body = new byte[0];

        Request(String method, String pathAndQuery) {
            int q = pathAndQuery.indexOf('?');
            this.method = method;
            this.path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
            this.query = q < 0 ? null : pathAndQuery.substring(q + 1);
        }

        Request header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        Request body(String contentType, byte[] content) {
            headers.put("Content-Type", contentType);
            headers.put("Content-Length", Integer.toString(content.length));
            body = content;
            return this;
        }

        HttpServletRequest servlet() {
            ServletInputStream in = new ServletInputStream() {
                private final ByteArrayInputStream bytes = new ByteArrayInputStream(body);

                @Override
                public int read() {
                    return bytes.read();
                }

                @Override
                public int read(byte[] target, int offset, int length) {
                    return bytes.read(target, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return bytes.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (HttpServletRequest) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletRequest.class}, (proxy, m, args) -> switch (m.getName()) {
                        case "getMethod" -> method;
                        case "getHeader" -> headers.get((String) args[0]);
                        case "getHeaders" -> Collections.enumeration(headers.containsKey((String) args[0])
                                ? List.of(headers.get((String) args[0])) : List.of());
                        case "getHeaderNames" -> Collections.enumeration(headers.keySet());
                        case "getContentLengthLong" -> headers.containsKey("Content-Length")
                                ? Long.parseLong(headers.get("Content-Length")) : -1L;
                        case "getContentLength" -> headers.containsKey("Content-Length")
                                ? Integer.parseInt(headers.get("Content-Length")) : -1;
                        case "getContentType" -> headers.get("Content-Type");
                        case "getCharacterEncoding" -> null;
                        case "getInputStream" -> in;
                        case "getContextPath", "getServletPath" -> "";
                        case "getPathInfo" -> path;
                        case "getRequestURI" -> path;
                        case "getQueryString" -> query;
                        case "getAttribute" -> attributes.get((String) args[0]);
                        case "setAttribute" -> {
                            attributes.put((String) args[0], args[1]);
                            yield null;
                        }
                        default -> throw new UnsupportedOperationException("FakeHttp request: " + m.getName());
                    });
        }
    }

    static final class Response {
        int status = 200;
        final Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        final ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean committed;
        private String characterEncoding = "UTF-8";

        String header(String name) {
            List<String> values = headers.get(name);
            return values == null ? null : values.get(0);
        }

        String text() {
            return body.toString(StandardCharsets.UTF_8);
        }

        HttpServletResponse servlet() {
            ServletOutputStream out = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    committed = true;
                    body.write(b);
                }

                @Override
                public void write(byte[] bytes, int offset, int length) {
                    committed |= length > 0;
                    body.write(bytes, offset, length);
                }

                @Override
                public void flush() {
                    committed = true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException();
                }
            };
            return (HttpServletResponse) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {HttpServletResponse.class}, (proxy, m, args) -> {
                        switch (m.getName()) {
                            case "setStatus" -> status = (Integer) args[0];
                            case "getStatus" -> {
                                return status;
                            }
                            case "setHeader" -> set((String) args[0], (String) args[1]);
                            case "addHeader" -> headers.computeIfAbsent((String) args[0], n -> new ArrayList<>())
                                    .add((String) args[1]);
                            case "setIntHeader" -> set((String) args[0], Integer.toString((Integer) args[1]));
                            case "getHeader" -> {
                                return header((String) args[0]);
                            }
                            case "getHeaders" -> {
                                return headers.getOrDefault((String) args[0], List.of());
                            }
                            case "containsHeader" -> {
                                return headers.containsKey((String) args[0]);
                            }
                            case "setContentType" -> set("Content-Type", (String) args[0]);
                            case "getContentType" -> {
                                return header("Content-Type");
                            }
                            case "setContentLength", "setContentLengthLong" -> set("Content-Length",
                                    args[0].toString());
                            case "getCharacterEncoding" -> {
                                return characterEncoding;
                            }
                            case "setCharacterEncoding" -> characterEncoding = (String) args[0];
                            case "getOutputStream" -> {
                                return out;
                            }
                            case "getWriter" -> {
                                return new PrintWriter(new OutputStreamWriter(out, characterEncoding));
                            }
                            case "isCommitted" -> {
                                return committed;
                            }
                            case "flushBuffer" -> committed = true;
                            case "reset" -> {
                                requireUncommitted();
                                status = 200;
                                headers.clear();
                                body.reset();
                            }
                            case "resetBuffer" -> {
                                requireUncommitted();
                                body.reset();
                            }
                            default -> throw new UnsupportedOperationException("FakeHttp response: " + m.getName());
                        }
                        return null;
                    });
        }

        private void set(String name, String value) {
            if (value == null) {
                headers.remove(name);
            } else {
                headers.put(name, new ArrayList<>(List.of(value)));
            }
        }

        private void requireUncommitted() {
            if (committed) {
                throw new IllegalStateException("committed");
            }
        }
    }
}
