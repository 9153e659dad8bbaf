package org.parsreader.pacs;

import java.net.URI;

/**
 * One PACS: a DICOMweb base URL (QIDO-RS/WADO-RS/STOW-RS, e.g. http://host:8042/dicom-web) with an
 * optional HTTP basic authentication user and password, and/or DIMSE (host, port, the server's
 * called AE title and our calling AE title; for C-MOVE, movePort: the port our storage SCP listens
 * on, as AE title callingAe, for the instances the PACS sends; 0 = no C-MOVE). The password never appears in {@link #toString()},
 * in error messages or in logs: use {@link #describe()} to name the server.
 * {@code archive} says what the server is for: the CLINICAL PACS (results go back with the
 * patient's identity, so they file with the images) or a RESEARCH archive (results go with the
 * pseudonym); a server not marked is research, so nothing identifying leaves by default.
 */
public record PacsServer(String name, String dicomWebUrl, String user, String password, String host, int port, String calledAe, String callingAe,
        Archive archive, int movePort) {
    /** What a server is for; decides the identity results carry there unless the user chooses. */
    public enum Archive { CLINICAL, RESEARCH;
        public static Archive parse(String s) {
            if (s == null) return RESEARCH;
            return switch (s.trim().toLowerCase(java.util.Locale.ROOT)) {
                case "clinical" -> CLINICAL;
                case "research" -> RESEARCH;
                default -> throw new IllegalArgumentException("archive '" + s + "': use clinical or research");
            };
        }
    }

    /** A research server (see {@link Archive}). */
    public PacsServer(String name, String dicomWebUrl, String user, String password, String host, int port, String calledAe, String callingAe) {
        this(name, dicomWebUrl, user, password, host, port, calledAe, callingAe, Archive.RESEARCH, 0);
    }

    /** A server without C-MOVE (movePort 0). */
    public PacsServer(String name, String dicomWebUrl, String user, String password, String host, int port, String calledAe, String callingAe, Archive archive) {
        this(name, dicomWebUrl, user, password, host, port, calledAe, callingAe, archive, 0);
    }

    /** The same server with another password (one asked for at run time). */
    public PacsServer withPassword(String pw) {
        return new PacsServer(name, dicomWebUrl, user, pw, host, port, calledAe, callingAe, archive, movePort);
    }

    public PacsServer {
        if (archive == null) archive = Archive.RESEARCH;
        if (name == null || name.isBlank()) name = dicomWebUrl != null ? URI.create(dicomWebUrl).getHost() : host;
        if (dicomWebUrl != null && dicomWebUrl.endsWith("/")) dicomWebUrl = dicomWebUrl.substring(0, dicomWebUrl.length() - 1);
        if (dicomWebUrl != null) {
            URI u = URI.create(dicomWebUrl);
            if (u.getScheme() == null || !(u.getScheme().equals("http") || u.getScheme().equals("https")))
                throw new IllegalArgumentException("PACS '" + name + "': dicomWebUrl must start with http:// or https://");
            if (u.getUserInfo() != null) throw new IllegalArgumentException("PACS '" + name + "': give user and password as their own fields, not inside dicomWebUrl");
        }
        if (callingAe == null || callingAe.isBlank()) callingAe = "PARSREADER";
        if (calledAe != null && calledAe.length() > 16) throw new IllegalArgumentException("PACS '" + name + "': calledAe '" + calledAe + "' is longer than 16 characters");
        if (callingAe.length() > 16) throw new IllegalArgumentException("PACS '" + name + "': callingAe '" + callingAe + "' is longer than 16 characters");
        if (host != null && (port <= 0 || port > 65535)) throw new IllegalArgumentException("PACS '" + name + "': DIMSE port " + port + " is not 1..65535");
        if (movePort < 0 || movePort > 65535) throw new IllegalArgumentException("PACS '" + name + "': movePort " + movePort + " is not 1..65535");
    }

    public boolean hasDicomWeb() {
        return dicomWebUrl != null && !dicomWebUrl.isBlank();
    }

    public boolean hasDimse() {
        return host != null && !host.isBlank() && calledAe != null && !calledAe.isBlank();
    }

    /** Names the server for messages: name, DICOMweb URL and/or DIMSE address; never the password. */
    public String describe() {
        StringBuilder b = new StringBuilder("PACS '").append(name).append("' (");
        if (hasDicomWeb()) b.append(dicomWebUrl).append(user != null ? " as " + user : "");
        if (hasDicomWeb() && hasDimse()) b.append("; ");
        if (hasDimse()) b.append(calledAe).append('@').append(host).append(':').append(port);
        return b.append(')').toString();
    }

    @Override
    public String toString() {
        return "PacsServer[name=" + name + ", dicomWebUrl=" + dicomWebUrl + ", user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", host=" + host + ", port=" + port + ", calledAe=" + calledAe + ", callingAe=" + callingAe + ", archive=" + archive + ", movePort=" + movePort + "]";
    }
}
