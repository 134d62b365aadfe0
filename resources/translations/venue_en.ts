<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="zh_CN">
<context>
    <name>AddUserDialog</name>
    <message>
        <location filename="../../venue_client/ui/pages/add_user.py" line="30"/>
        <source>添加用户</source>
        <translation>Add user</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/add_user.py" line="37"/>
        <source>3–32 位字母、数字、点、下划线或连字符</source>
        <translation>3–32 letters, digits, dots, underscores or hyphens</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/add_user.py" line="47"/>
        <source>至少 10 位，含字母和数字</source>
        <translation>At least 10 characters, with letters and digits</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/add_user.py" line="51"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/add_user.py" line="52"/>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/add_user.py" line="53"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/add_user.py" line="54"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/add_user.py" line="55"/>
        <source>确认密码</source>
        <translation>Confirm password</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/add_user.py" line="65"/>
        <source>添加</source>
        <translation>Add</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/add_user.py" line="76"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
</context>
<context>
    <name>AdminPage</name>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="27"/>
        <location filename="../../venue_client/ui/pages/admin.py" line="113"/>
        <source>管理</source>
        <translation>Admin</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="27"/>
        <source>用户与角色、审计日志校验。</source>
        <translation>Users and roles; verification of the audit log.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="28"/>
        <source>用户</source>
        <translation>Users</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="31"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="32"/>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="33"/>
        <source>角色</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="34"/>
        <source>状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="35"/>
        <source>锁定至</source>
        <translation>Locked until</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="41"/>
        <source>添加用户…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="49"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="51"/>
        <source>校验审计日志</source>
        <translation>Verify audit log</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="57"/>
        <source>从数据库重新计算默克尔树，并与已签名的检查点逐一核对。</source>
        <translation>Recomputes the Merkle tree from the database and checks it against every signed checkpoint.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="74"/>
        <source>启用</source>
        <translation>Active</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="74"/>
        <source>停用</source>
        <translation>Disabled</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="89"/>
        <source>正在校验……</source>
        <translation>Verifying…</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="101"/>
        <source>审计日志完整：共 {n} 个事件，根哈希 {root}</source>
        <translation>Audit log intact: {n} events, root hash {root}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/admin.py" line="109"/>
        <source>审计日志校验失败：
{problems}</source>
        <translation>Audit log verification failed:
{problems}</translation>
    </message>
</context>
<context>
    <name>AlarmsTab</name>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="52"/>
        <source>告警</source>
        <translation>Alarms</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="52"/>
        <source>对象</source>
        <translation>Subject</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="52"/>
        <source>发生时间</source>
        <translation>Occurred at</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="52"/>
        <source>阻断同步</source>
        <translation>Blocks sync</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="58"/>
        <source>阻断性告警使同步停止，须由分中心管理员确认；确认不等于排除原因。</source>
        <translation>A blocking alarm stops sync until a branch manager acknowledges it; acknowledging does not remove the cause.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="61"/>
        <source>确认告警</source>
        <translation>Acknowledge alarm</translation>
    </message>
</context>
<context>
    <name>AuditCard</name>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="151"/>
        <source>审计日志</source>
        <translation>Audit log</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="155"/>
        <source>事件数</source>
        <translation>Events</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="156"/>
        <source>根哈希</source>
        <translation>Root hash</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="157"/>
        <source>最近检查点</source>
        <translation>Latest checkpoint</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="158"/>
        <source>签名时间</source>
        <translation>Signed at</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="162"/>
        <source>立即签名检查点</source>
        <translation>Sign a checkpoint now</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="175"/>
        <source>尚未签名</source>
        <translation>Not signed yet</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="178"/>
        <source>{n} 个事件</source>
        <translation>{n} events</translation>
    </message>
</context>
<context>
    <name>BidsModel</name>
    <message>
        <location filename="../../venue_client/ui/opening/bids_model.py" line="67"/>
        <source>投标人</source>
        <translation>Bidder</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/bids_model.py" line="68"/>
        <source>解密状态</source>
        <translation>Decryption</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/bids_model.py" line="69"/>
        <source>投标报价</source>
        <translation>Bid price</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/bids_model.py" line="70"/>
        <source>工期</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/bids_model.py" line="71"/>
        <source>质量</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/bids_model.py" line="72"/>
        <source>解密方式</source>
        <translation>Decrypted with</translation>
    </message>
</context>
<context>
    <name>BigScreen</name>
    <message>
        <location filename="../../venue_client/ui/opening/big_screen.py" line="49"/>
        <source>开标大屏</source>
        <translation>Opening hall display</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/big_screen.py" line="107"/>
        <source>北京时间 {time}</source>
        <translation>Beijing time {time}</translation>
    </message>
</context>
<context>
    <name>CameraError</name>
    <message>
        <location filename="../../drivers/camera/errors.py" line="32"/>
        <source>摄像头地址无效：{url}（{detail}）</source>
        <translation>Invalid camera address: {url} ({detail})</translation>
    </message>
    <message>
        <location filename="../../drivers/camera/errors.py" line="33"/>
        <source>未找到摄像头：{url}，请检查连接线和设备编号</source>
        <translation>Camera not found: {url}; check the cable and the device number</translation>
    </message>
    <message>
        <location filename="../../drivers/camera/errors.py" line="36"/>
        <source>视频文件不存在：{url}</source>
        <translation>Video file not found: {url}</translation>
    </message>
    <message>
        <location filename="../../drivers/camera/errors.py" line="37"/>
        <source>无法连接摄像头：{url}（{detail}）</source>
        <translation>Cannot connect to the camera: {url} ({detail})</translation>
    </message>
    <message>
        <location filename="../../drivers/camera/errors.py" line="38"/>
        <source>摄像头拒绝了用户名或密码：{url}，请检查配置中的账号</source>
        <translation>The camera refused the user name or password: {url}; check the account in the configuration</translation>
    </message>
    <message>
        <location filename="../../drivers/camera/errors.py" line="41"/>
        <source>摄像头上没有这个视频流：{url}</source>
        <translation>The camera has no such stream: {url}</translation>
    </message>
    <message>
        <location filename="../../drivers/camera/errors.py" line="42"/>
        <source>摄像头在 {seconds} 秒内没有响应：{url}</source>
        <translation>The camera did not answer within {seconds} s: {url}</translation>
    </message>
    <message>
        <location filename="../../drivers/camera/errors.py" line="43"/>
        <source>摄像头信号中断（{seconds} 秒无画面）：{url}</source>
        <translation>Camera signal lost (no picture for {seconds} s): {url}</translation>
    </message>
    <message>
        <location filename="../../drivers/camera/errors.py" line="46"/>
        <source>摄像头视频流已结束：{url}</source>
        <translation>The camera stream ended: {url}</translation>
    </message>
    <message>
        <location filename="../../drivers/camera/errors.py" line="47"/>
        <source>视频源中没有视频轨道：{url}</source>
        <translation>The video source has no video track: {url}</translation>
    </message>
    <message>
        <location filename="../../drivers/camera/errors.py" line="48"/>
        <source>该视频源不提供编码数据包（无法直接录制）：{url}</source>
        <translation>This video source gives no encoded packets (it cannot be recorded directly): {url}</translation>
    </message>
    <message>
        <location filename="../../drivers/camera/errors.py" line="51"/>
        <source>摄像头视频流出错：{url}（{detail}）</source>
        <translation>Camera stream error: {url} ({detail})</translation>
    </message>
    <message>
        <location filename="../../drivers/camera/errors.py" line="54"/>
        <source>摄像头已关闭：{url}</source>
        <translation>The camera is closed: {url}</translation>
    </message>
</context>
<context>
    <name>CameraPreview</name>
    <message>
        <location filename="../../venue_client/ui/checkin/camera_view.py" line="54"/>
        <location filename="../../venue_client/ui/checkin/camera_view.py" line="69"/>
        <source>未配置摄像头</source>
        <translation>No camera configured</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/camera_view.py" line="71"/>
        <source>摄像头连接中…</source>
        <translation>Connecting to the camera…</translation>
    </message>
</context>
<context>
    <name>CertificateDialog</name>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="78"/>
        <source>CA 证书签到</source>
        <translation>Check in with CA certificate</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="108"/>
        <source>请插入投标人的 CA 锁（企业数字证书）</source>
        <translation>Insert the bidder&apos;s CA key (company digital certificate)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="123"/>
        <source>签到代表</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="134"/>
        <source>由投标人代表输入 CA 锁 PIN</source>
        <translation>The representative enters the CA key PIN</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="142"/>
        <source>重新检测 (F5)</source>
        <translation>Detect again (F5)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="146"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="147"/>
        <source>签到 (Enter)</source>
        <translation>Check in (Enter)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="158"/>
        <source>正在检测 CA 锁…</source>
        <translation>Detecting CA keys…</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="164"/>
        <source>{label}（序列号 {serial}）</source>
        <translation>{label} (serial {serial})</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="172"/>
        <source>未检测到 CA 锁，请插入后按 F5 重新检测</source>
        <translation>No CA key found. Insert one and press F5 to detect again</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="182"/>
        <source>正在读取证书…</source>
        <translation>Reading the certificate…</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="213"/>
        <source>单位：-
统一社会信用代码：-</source>
        <translation>Company: -
USCC: -</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="217"/>
        <source>单位：{company}
统一社会信用代码：{uscc}</source>
        <translation>Company: {company}
USCC: {uscc}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="225"/>
        <source>（证书单位不在本场次名单中）</source>
        <translation>(the certificate&apos;s company is not on this session&apos;s list)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="236"/>
        <source>请输入 CA 锁 PIN</source>
        <translation>Enter the CA key PIN</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/certificate_dialog.py" line="242"/>
        <source>正在由 CA 锁签名验证…</source>
        <translation>The CA key is signing the challenge…</translation>
    </message>
</context>
<context>
    <name>ChangesTab</name>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="129"/>
        <source>场次开始后平台发来的日程变更不会自动生效，须由分中心管理员决定应用或不予采纳。</source>
        <translation>Schedule changes the platform sends after a session started do not take effect by themselves; a branch manager applies or dismisses them.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="135"/>
        <source>标段编号</source>
        <translation>Section code</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="136"/>
        <source>版本</source>
        <translation>Revision</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="137"/>
        <source>变更字段</source>
        <translation>Changed fields</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="138"/>
        <source>平台状态</source>
        <translation>Platform status</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="139"/>
        <source>收到时间</source>
        <translation>Received at</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="146"/>
        <source>不予采纳</source>
        <translation>Dismiss</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="147"/>
        <source>应用变更</source>
        <translation>Apply</translation>
    </message>
</context>
<context>
    <name>CheckInDesk</name>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="14"/>
        <location filename="../../venue_client/ui/checkin/views.py" line="17"/>
        <source>通过</source>
        <translation>Passed</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="15"/>
        <source>存疑</source>
        <translation>doubtful</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="16"/>
        <source>不一致</source>
        <translation>mismatch</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="20"/>
        <source>本机未启用</source>
        <translation>not enabled on this desk</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="26"/>
        <source>{decision}，相似度 {score}（{backend}）</source>
        <translation>{decision}, similarity {score} ({backend})</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="21"/>
        <source>身份证照片无法解码（未配置读卡器厂商的照片解码库）</source>
        <translation>the ID photo cannot be decoded (no reader vendor photo library configured)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="22"/>
        <source>身份证照片格式无法识别</source>
        <translation>the ID photo&apos;s format is not recognised</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="23"/>
        <source>摄像头没有画面</source>
        <translation>the camera shows no picture</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="24"/>
        <source>手工录入无证件照片，请监标人核对证件</source>
        <translation>no ID photo when typed in; the supervisor checks the card</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="25"/>
        <source>人脸比对出错：{error}</source>
        <translation>face comparison failed: {error}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="29"/>
        <source>未连接身份证读卡器，可按 F2 手工录入</source>
        <translation>No ID card reader connected; press F2 to type the number in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="30"/>
        <source>读卡器就绪</source>
        <translation>Card reader ready</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="31"/>
        <source>读卡器就绪（模拟设备）</source>
        <translation>Card reader ready (simulated)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="32"/>
        <source>读卡器故障：{error}</source>
        <translation>Card reader fault: {error}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="35"/>
        <source>本机未配置 CA 锁（[devices] token_module），不能进行 CA 证书签到</source>
        <translation>No CA key module is configured on this PC ([devices] token_module); certificate check-in is not available</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="38"/>
        <source>正在核验 CA 证书</source>
        <translation>Verifying the CA certificate</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/texts.py" line="39"/>
        <source>正在核验签到二维码</source>
        <translation>Verifying the check-in QR code</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/views.py" line="18"/>
        <source>需人工复核</source>
        <translation>Review needed</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/views.py" line="19"/>
        <source>不通过</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/views.py" line="20"/>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/views.py" line="21"/>
        <source>已于 {time} 签到，不重复记录</source>
        <translation>Checked in at {time}; not recorded twice</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/views.py" line="22"/>
        <source>监标人 {name} 已当场核验并确认：</source>
        <translation>Supervisor {name} checked and confirmed on the spot:</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/views.py" line="23"/>
        <source>已记录为拒绝签到</source>
        <translation>Recorded as refused</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/views.py" line="24"/>
        <source>签到时间 {time}</source>
        <translation>Checked in at {time}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/views.py" line="25"/>
        <source>迟到</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/views.py" line="26"/>
        <source>人脸比对：{note}</source>
        <translation>Face comparison: {note}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/views.py" line="27"/>
        <source>（姓名未知）</source>
        <translation>(name unknown)</translation>
    </message>
</context>
<context>
    <name>CheckInPage</name>
    <message>
        <location filename="../../venue_client/ui/pages/checkin.py" line="75"/>
        <source>签到台</source>
        <translation>Check-in desk</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/checkin.py" line="79"/>
        <source>场次 (F3)</source>
        <translation>Session (F3)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/checkin.py" line="86"/>
        <source>手工录入 (F2)</source>
        <translation>Type in (F2)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/checkin.py" line="88"/>
        <source>刷新 (F5)</source>
        <translation>Refresh (F5)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/checkin.py" line="91"/>
        <source>演示：放身份证 (F9)</source>
        <translation>Demo: place an ID card (F9)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/checkin.py" line="94"/>
        <source>演示：扫签到码 (F10)</source>
        <translation>Demo: scan a pass (F10)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/checkin.py" line="97"/>
        <source>CA 证书 (F6)</source>
        <translation>CA certificate (F6)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/checkin.py" line="99"/>
        <source>二维码 (F7)</source>
        <translation>QR code (F7)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/checkin.py" line="144"/>
        <source>签到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/checkin.py" line="248"/>
        <source>请先选择场次，再放置身份证</source>
        <translation>Choose the session first, then place the ID card</translation>
    </message>
</context>
<context>
    <name>ConfirmDialog</name>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="57"/>
        <source>签名确认</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="62"/>
        <source>请投标人代表核对大屏上的开标记录，无误后在屏幕上确认，或插入本单位 CA 锁签名确认。</source>
        <translation>Representatives check the opening record on the large screen, then confirm it on screen or sign it with their company&apos;s USB key.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="70"/>
        <source>投标人代表</source>
        <translation>Bidder representative</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="72"/>
        <source>确认无误 (Enter)</source>
        <translation>Confirm (Enter)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="72"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="73"/>
        <source>CA 锁签名 (F6)</source>
        <translation>Sign with USB key (F6)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <location filename="../../venue_client/ui/crash_dialog.py" line="46"/>
        <source>程序错误</source>
        <translation>Program error</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/crash_dialog.py" line="51"/>
        <source>程序遇到意外错误。已保存的数据不受影响；如果问题反复出现，请把日志文件发给技术支持。</source>
        <translation>The program hit an unexpected error. Saved data is not affected; if this happens again, send the log file to technical support.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/crash_dialog.py" line="61"/>
        <source>日志文件：{path}</source>
        <translation>Log file: {path}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/crash_dialog.py" line="70"/>
        <source>显示详细信息</source>
        <translation>Show details</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/crash_dialog.py" line="72"/>
        <source>复制详细信息</source>
        <translation>Copy details</translation>
    </message>
</context>
<context>
    <name>DeviceCard</name>
    <message>
        <location filename="../../venue_client/ui/checkin/panels.py" line="128"/>
        <source>人证比对已启用（{backend}）</source>
        <translation>Face comparison enabled ({backend})</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/panels.py" line="130"/>
        <source>本机未启用人证比对：需监标人人工核对证件照片</source>
        <translation>Face comparison not enabled here: a supervisor compares the ID photo</translation>
    </message>
</context>
<context>
    <name>EntryDialog</name>
    <message>
        <location filename="../../venue_client/ui/opening/entry.py" line="41"/>
        <source>录入开标一览表</source>
        <translation>Enter the opening summary</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/entry.py" line="46"/>
        <source>{name}的投标文件未附开标一览表。请按其投标文件录入，提交后由监标人核对。</source>
        <translation>The bid of {name} came without an opening summary. Enter it from the bid documents; a supervisor checks it after you submit.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/entry.py" line="53"/>
        <source>例如 1234567.00</source>
        <translation>e.g. 1234567.00</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/entry.py" line="63"/>
        <source>投标报价（元）</source>
        <translation>Bid price (yuan)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/entry.py" line="65"/>
        <source>工期</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/entry.py" line="66"/>
        <source>质量</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/entry.py" line="72"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/entry.py" line="72"/>
        <source>提交核对 (Enter)</source>
        <translation>Submit for checking (Enter)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/entry.py" line="89"/>
        <source>请填写投标报价</source>
        <translation>Enter the bid price</translation>
    </message>
</context>
<context>
    <name>HallPage</name>
    <message>
        <location filename="../../venue_client/ui/pages/hall.py" line="50"/>
        <source>开标大厅</source>
        <translation>Bid opening hall</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/hall.py" line="62"/>
        <location filename="../../venue_client/ui/pages/hall.py" line="139"/>
        <source>距离开标还剩</source>
        <translation>Opening in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/hall.py" line="93"/>
        <source>今日没有开标安排</source>
        <translation>No openings today</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/hall.py" line="114"/>
        <source>开标室：{room}</source>
        <translation>Room: {room}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/hall.py" line="119"/>
        <source>代理机构：{agency}</source>
        <translation>Agency: {agency}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/hall.py" line="133"/>
        <source>今日开标</source>
        <translation>Today&apos;s openings</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/hall.py" line="134"/>
        <source>{n} 场</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/hall.py" line="135"/>
        <source>今日暂无待开标项目</source>
        <translation>No more openings today</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/hall.py" line="143"/>
        <source>{room} · 开标时间 {time} · 投标人 {bidders} 家 · 已签到 {checked}</source>
        <translation>{room} · opens at {time} · {bidders} bidders · {checked} checked in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/hall.py" line="152"/>
        <source>大屏</source>
        <translation>Hall screen</translation>
    </message>
</context>
<context>
    <name>Header</name>
    <message>
        <location filename="../../venue_client/ui/header.py" line="27"/>
        <source>开标评标场所客户端</source>
        <translation>Venue Client for Bid Opening and Evaluation</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/header.py" line="36"/>
        <source>锁屏</source>
        <translation>Lock</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/header.py" line="38"/>
        <source>退出登录</source>
        <translation>Log out</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/header.py" line="56"/>
        <source>{name} · {role}</source>
        <translation>{name} · {role}</translation>
    </message>
</context>
<context>
    <name>HistoryTab</name>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="249"/>
        <source>本次运行以来最近的同步记录（最新在前）。</source>
        <translation>Recent sync activity since the program started (newest first).</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="251"/>
        <source>时间</source>
        <translation>Time</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="251"/>
        <source>事件</source>
        <translation>Event</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="251"/>
        <source>结果</source>
        <translation>Result</translation>
    </message>
</context>
<context>
    <name>LoginForm</name>
    <message>
        <location filename="../../venue_client/ui/login.py" line="50"/>
        <source>用户名</source>
        <translation>Username</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/login.py" line="51"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/login.py" line="64"/>
        <source>退出登录，切换用户</source>
        <translation>Log out and switch user</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/login.py" line="77"/>
        <location filename="../../venue_client/ui/login.py" line="82"/>
        <location filename="../../venue_client/ui/login.py" line="125"/>
        <source>登录</source>
        <translation>Log in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/login.py" line="78"/>
        <source>请使用本人账号登录，所有操作都将记录在审计日志中。</source>
        <translation>Log in with your own account; every action is recorded in the audit log.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/login.py" line="90"/>
        <source>屏幕已锁定</source>
        <translation>Screen locked</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/login.py" line="92"/>
        <source>{name}（{role}）已锁定屏幕，请输入密码解锁。</source>
        <translation>{name} ({role}) locked the screen. Enter the password to unlock.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/login.py" line="99"/>
        <location filename="../../venue_client/ui/login.py" line="125"/>
        <source>解锁</source>
        <translation>Unlock</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/login.py" line="115"/>
        <source>请输入用户名和密码</source>
        <translation>Enter your username and password</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/login.py" line="123"/>
        <source>正在验证……</source>
        <translation>Checking…</translation>
    </message>
</context>
<context>
    <name>LoginScreen</name>
    <message>
        <location filename="../../venue_client/ui/login.py" line="147"/>
        <location filename="../../venue_client/ui/login.py" line="149"/>
        <source>开标评标场所客户端</source>
        <translation>Venue Client for Bid Opening and Evaluation</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../venue_client/ui/main_window.py" line="40"/>
        <source>开标评标场所客户端</source>
        <translation>Venue Client for Bid Opening and Evaluation</translation>
    </message>
</context>
<context>
    <name>ManagerAckDialog</name>
    <message>
        <location filename="../../venue_client/ui/sync/ack_dialog.py" line="40"/>
        <source>确认告警</source>
        <translation>Acknowledge alarm</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/ack_dialog.py" line="45"/>
        <source>请分中心管理员核实告警原因后输入本人账号密码</source>
        <translation>A branch manager checks the alarm&apos;s cause, then enters their own username and password</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/ack_dialog.py" line="47"/>
        <source>分中心管理员用户名</source>
        <translation>Branch manager&apos;s username</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/ack_dialog.py" line="50"/>
        <source>处理说明（记入审计日志）</source>
        <translation>What was done (goes into the audit log)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/ack_dialog.py" line="53"/>
        <source>确认告警 (Enter)</source>
        <translation>Acknowledge (Enter)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/ack_dialog.py" line="67"/>
        <source>请输入分中心管理员的用户名和密码</source>
        <translation>Enter the branch manager&apos;s username and password</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <location filename="../../venue_client/ui/checkin/manual_entry.py" line="34"/>
        <source>手工录入</source>
        <translation>Type in the ID number</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/manual_entry.py" line="41"/>
        <source>身份证无法读取时，输入证件号码</source>
        <translation>When the ID card cannot be read, type its number</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/manual_entry.py" line="44"/>
        <source>手工录入的签到须由监标人核对证件原件并输入账号密码确认。</source>
        <translation>A supervisor must check the original card and confirm a typed-in check-in with their user name and password.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/manual_entry.py" line="50"/>
        <source>18 位身份证号码</source>
        <translation>18-character ID number</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/manual_entry.py" line="63"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/manual_entry.py" line="64"/>
        <source>核验 (Enter)</source>
        <translation>Check (Enter)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/manual_entry.py" line="85"/>
        <source>号码格式正确，按 Enter 核验</source>
        <translation>The number is well-formed; press Enter to check</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="102"/>
        <source>异议</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="115"/>
        <source>提出人</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="116"/>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="117"/>
        <source>当场答复</source>
        <translation>Answer given on the spot</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="122"/>
        <source>记录 (Enter)</source>
        <translation>Record (Enter)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="122"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/hearing.py" line="129"/>
        <source>请填写异议内容和当场答复</source>
        <translation>Fill in the objection and the answer</translation>
    </message>
</context>
<context>
    <name>OpeningDesk</name>
    <message>
        <location filename="../../venue_client/ui/opening/desk.py" line="116"/>
        <source>CA 锁解密 (F6)</source>
        <translation>Decrypt with CA key (F6)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/desk.py" line="118"/>
        <source>备用密钥解密 (F7)</source>
        <translation>Decrypt with backup key (F7)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/desk.py" line="120"/>
        <source>签名确认 (F8)</source>
        <translation>Confirmation (F8)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/desk.py" line="122"/>
        <source>异议 (F9)</source>
        <translation>Objection (F9)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/desk.py" line="124"/>
        <source>录入一览表 (F10)</source>
        <translation>Enter summary (F10)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/desk.py" line="249"/>
        <source>CA 锁解密</source>
        <translation>Decrypt with CA key</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/desk.py" line="261"/>
        <source>解密 (Enter)</source>
        <translation>Decrypt (Enter)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/desk.py" line="280"/>
        <source>CA 锁签名确认</source>
        <translation>Confirm with the USB key&apos;s signature</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/desk.py" line="285"/>
        <source>签名确认 (Enter)</source>
        <translation>Sign and confirm (Enter)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/desk.py" line="302"/>
        <source>使用平台备用密钥解密须经监标人批准</source>
        <translation>Decryption with the platform backup key needs a supervisor&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/desk.py" line="303"/>
        <source>批准 (Enter)</source>
        <translation>Approve (Enter)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/entry.py" line="29"/>
        <source>请监标人对照投标文件核对：投标报价 {price}</source>
        <translation>Supervisor, check against the bid documents: bid price {price}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/entry.py" line="30"/>
        <source>核对无误 (Enter)</source>
        <translation>Checked, correct (Enter)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/entry.py" line="28"/>
        <source>开标一览表已录入</source>
        <translation>Opening summary entered</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="12"/>
        <source>CA 锁</source>
        <translation>CA key</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="13"/>
        <source>备用密钥</source>
        <translation>Backup key</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="16"/>
        <source>开始签到</source>
        <translation>Start check-in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="17"/>
        <source>宣布开标</source>
        <translation>Declare the opening</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="18"/>
        <source>开始解密</source>
        <translation>Start decryption</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="19"/>
        <source>结束解密</source>
        <translation>End decryption</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="20"/>
        <source>唱标完毕，进入签名确认</source>
        <translation>Reading done: go to confirmation</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="21"/>
        <source>结束开标会并生成开标记录</source>
        <translation>Close the session and produce the record</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="23"/>
        <source>已解密 {done} · 解密中 {running} · 未解密 {waiting}</source>
        <translation>Decrypted {done} · decrypting {running} · not decrypted {waiting}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="24"/>
        <source>距离解密截止还剩</source>
        <translation>Time left to decrypt</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="25"/>
        <source>距离开标还剩</source>
        <translation>Time to opening</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="26"/>
        <source>开标时间已到</source>
        <translation>Opening time reached</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="27"/>
        <source>解密中 {pct}%</source>
        <translation>Decrypting {pct}%</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="28"/>
        <source>解密失败：{cause}</source>
        <translation>Decryption failed: {cause}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/opening/texts.py" line="29"/>
        <source>开标记录表已生成：{path}</source>
        <translation>Opening record written: {path}</translation>
    </message>
</context>
<context>
    <name>OpeningFlow</name>
    <message>
        <location filename="../../venue_client/ui/opening/flow.py" line="163"/>
        <source>已签名确认开标记录</source>
        <translation>The opening record was confirmed by signature</translation>
    </message>
</context>
<context>
    <name>OpeningPage</name>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="47"/>
        <location filename="../../venue_client/ui/pages/opening.py" line="227"/>
        <source>开标</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="47"/>
        <source>按开标时间排列；开标时间以北京时间（可信时钟）为准。</source>
        <translation>In order of opening time; opening times follow Beijing time on the trusted clock.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="52"/>
        <source>编号</source>
        <translation>ID</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="53"/>
        <location filename="../../venue_client/ui/pages/opening.py" line="97"/>
        <source>标段编号</source>
        <translation>Section code</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="54"/>
        <source>项目 / 标段</source>
        <translation>Project / section</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="55"/>
        <location filename="../../venue_client/ui/pages/opening.py" line="94"/>
        <source>开标室</source>
        <translation>Opening room</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="56"/>
        <location filename="../../venue_client/ui/pages/opening.py" line="95"/>
        <source>开标时间</source>
        <translation>Opening time</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="57"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="58"/>
        <location filename="../../venue_client/ui/pages/opening.py" line="99"/>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="63"/>
        <source>今日开标</source>
        <translation>Today&apos;s openings</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="65"/>
        <source>今日没有开标安排。</source>
        <translation>No openings are scheduled today.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="74"/>
        <source>大屏 (F11)</source>
        <translation>Hall display (F11)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="96"/>
        <source>项目编号</source>
        <translation>Project code</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="98"/>
        <source>投标人</source>
        <translation>Bidders</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="100"/>
        <source>标段状态</source>
        <translation>Section status</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="113"/>
        <location filename="../../venue_client/ui/pages/opening.py" line="220"/>
        <source>距离开标还剩</source>
        <translation>Opening in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="185"/>
        <source>请选择一个开标场次</source>
        <translation>Select an opening session</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="198"/>
        <source>{n} 家</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="199"/>
        <source>{n} 人</source>
        <translation>{n}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="217"/>
        <source>本场开标</source>
        <translation>This opening</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/opening.py" line="223"/>
        <source>开标时间已到</source>
        <translation>Opening time reached</translation>
    </message>
</context>
<context>
    <name>OutboxCard</name>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="120"/>
        <source>发件箱</source>
        <translation>Outbox</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="123"/>
        <source>待发送</source>
        <translation>Waiting</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="125"/>
        <source>被拒绝</source>
        <translation>Rejected</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="127"/>
        <source>已确认至</source>
        <translation>Acknowledged through</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="143"/>
        <source>待上传文件 {uploads} 个 · 待处理日程变更 {changes} 项</source>
        <translation>{uploads} files to upload · {changes} schedule changes to review</translation>
    </message>
</context>
<context>
    <name>PlatformCard</name>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="42"/>
        <source>中心平台</source>
        <translation>Central platform</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="48"/>
        <source>立即同步 (F5)</source>
        <translation>Sync now (F5)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="55"/>
        <source>上次同步</source>
        <translation>Last sync</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="56"/>
        <source>时钟偏差</source>
        <translation>Clock skew</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="57"/>
        <source>本机职责</source>
        <translation>This PC&apos;s role</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="74"/>
        <source>在线 · 同步已停止（告警）</source>
        <translation>Online · sync stopped (alarm)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="88"/>
        <source>{skew} 秒（允许 ±{tolerance} 秒）</source>
        <translation>{skew} s (allowed ±{tolerance} s)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="96"/>
        <source>同步未启动</source>
        <translation>Sync not running</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="98"/>
        <source>负责与平台同步</source>
        <translation>Syncs with the platform</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="100"/>
        <source>仅校准时钟（另一工作站负责同步）</source>
        <translation>Clock only (another workstation syncs)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/cards.py" line="103"/>
        <source>最近错误：{error}</source>
        <translation>Last error: {error}</translation>
    </message>
</context>
<context>
    <name>QrPassDialog</name>
    <message>
        <location filename="../../venue_client/ui/checkin/qr_dialog.py" line="27"/>
        <source>二维码签到</source>
        <translation>Check in with QR code</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/qr_dialog.py" line="32"/>
        <source>请用扫码枪扫描交易平台签发的签到二维码</source>
        <translation>Scan the check-in QR code issued by the trading platform</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/qr_dialog.py" line="36"/>
        <source>二维码由平台签名，本机核验签名、场次与有效期后签到。</source>
        <translation>The code is signed by the platform; this PC checks the signature, the session and the validity period before checking in.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/qr_dialog.py" line="43"/>
        <source>等待扫码…</source>
        <translation>Waiting for a scan…</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/qr_dialog.py" line="48"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
</context>
<context>
    <name>RecordingsPage</name>
    <message>
        <location filename="../../venue_client/ui/pages/recordings.py" line="23"/>
        <location filename="../../venue_client/ui/pages/recordings.py" line="70"/>
        <source>录像</source>
        <translation>Recordings</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/recordings.py" line="23"/>
        <source>开标室、评标室的音视频监控：按会话自动录像，分段存储。</source>
        <translation>Audio and video of the opening and evaluation rooms: recorded per session, stored in segments.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/recordings.py" line="26"/>
        <source>房间与摄像机</source>
        <translation>Rooms and cameras</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/recordings.py" line="29"/>
        <source>房间</source>
        <translation>Room</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/recordings.py" line="30"/>
        <source>编号</source>
        <translation>Code</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/recordings.py" line="31"/>
        <source>类型</source>
        <translation>Type</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/recordings.py" line="32"/>
        <source>房间状态</source>
        <translation>Room state</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/recordings.py" line="33"/>
        <source>摄像机</source>
        <translation>Cameras</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/recordings.py" line="34"/>
        <source>录像状态</source>
        <translation>Recording</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/recordings.py" line="40"/>
        <source>说明</source>
        <translation>About</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/recordings.py" line="44"/>
        <source>录像、分段完整性校验和回放将在后续版本提供：会话开始时自动录像，每个分段的哈希写入审计日志，删除或改动分段都能被发现。</source>
        <translation>Recording, segment integrity checks and playback arrive in a later version: recording starts with each session, every segment&apos;s hash goes into the audit log, and any deleted or altered segment is detected.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/recordings.py" line="63"/>
        <source>未录像</source>
        <translation>Not recording</translation>
    </message>
</context>
<context>
    <name>RejectedTab</name>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="104"/>
        <source>被交易平台拒绝的事件保留在本地发件箱中，不删除、不自动重发；更正须由相应业务登记新的事件。</source>
        <translation>Events the platform rejected stay in the local outbox; they are never deleted or resent by themselves. A correction is a new event recorded by the business concerned.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="110"/>
        <source>序号</source>
        <translation>Seq</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="110"/>
        <source>事件类型</source>
        <translation>Event type</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="110"/>
        <source>发生时间</source>
        <translation>Occurred at</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="110"/>
        <source>平台返回的错误</source>
        <translation>Platform&apos;s error</translation>
    </message>
</context>
<context>
    <name>ResultPanel</name>
    <message>
        <location filename="../../venue_client/ui/checkin/result_panel.py" line="75"/>
        <source>居民身份证</source>
        <translation>Citizen ID card</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/result_panel.py" line="121"/>
        <source>监标人确认 (F4)</source>
        <translation>Supervisor confirms (F4)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/result_panel.py" line="138"/>
        <source>请将身份证放在读卡器上</source>
        <translation>Place the ID card on the reader</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/result_panel.py" line="139"/>
        <source>放卡即自动核验，无需点击；无法读卡时按 F2 手工录入</source>
        <translation>Checked as soon as the card is placed, no click needed; press F2 if the card cannot be read</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/result_panel.py" line="145"/>
        <source>正在核验…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/result_panel.py" line="170"/>
        <source>监标人核验后按 F4 确认；重新放卡或按 Esc 取消</source>
        <translation>After checking, the supervisor presses F4; place a card again or press Esc to cancel</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/result_panel.py" line="172"/>
        <source>请取回身份证；下一位请放卡</source>
        <translation>Take the ID card back; next person, please</translation>
    </message>
</context>
<context>
    <name>RoomsPage</name>
    <message>
        <location filename="../../venue_client/ui/pages/rooms.py" line="49"/>
        <location filename="../../venue_client/ui/pages/rooms.py" line="116"/>
        <source>评标室</source>
        <translation>Rooms</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/rooms.py" line="51"/>
        <source>房间状态：空闲 → 已预约 → 使用中 → 已封闭 → 已释放。专家只能进入本人的评标室。</source>
        <translation>Room states: free → reserved → in session → sealed → released. Experts may enter only their own room.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/rooms.py" line="79"/>
        <source>尚未配置房间。</source>
        <translation>No rooms are configured yet.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/rooms.py" line="96"/>
        <source>{kind} · 编号 {code} · 摄像机 {cameras} 路</source>
        <translation>{kind} · {code} · {cameras} cameras</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/rooms.py" line="101"/>
        <source>今日无场次</source>
        <translation>No sessions today</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/rooms.py" line="104"/>
        <source>{time} {section}（{state}）</source>
        <translation>{time} {section} ({state})</translation>
    </message>
</context>
<context>
    <name>RosterCard</name>
    <message>
        <location filename="../../venue_client/ui/checkin/panels.py" line="45"/>
        <location filename="../../venue_client/ui/checkin/panels.py" line="79"/>
        <source>签到名单</source>
        <translation>Expected people</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/panels.py" line="54"/>
        <source>应到</source>
        <translation>Expected</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/panels.py" line="55"/>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/panels.py" line="56"/>
        <source>拒绝</source>
        <translation>Refused</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/panels.py" line="66"/>
        <source>今日没有安排场次。</source>
        <translation>No sessions are scheduled today.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/panels.py" line="84"/>
        <source>{kind} · {time} · {room} · {state}</source>
        <translation>{kind} · {time} · {room} · {state}</translation>
    </message>
</context>
<context>
    <name>RosterModel</name>
    <message>
        <location filename="../../venue_client/ui/checkin/roster_model.py" line="35"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/roster_model.py" line="36"/>
        <source>证件号码</source>
        <translation>ID number</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/roster_model.py" line="37"/>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/roster_model.py" line="38"/>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/roster_model.py" line="39"/>
        <source>签到状态</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/roster_model.py" line="40"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/roster_model.py" line="41"/>
        <source>备注</source>
        <translation>Note</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/roster_model.py" line="88"/>
        <source>已签到 {time}</source>
        <translation>Checked in {time}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/roster_model.py" line="95"/>
        <source>迟到</source>
        <translation>Late</translation>
    </message>
</context>
<context>
    <name>ScanError</name>
    <message>
        <location filename="../../drivers/scanner/errors.py" line="17"/>
        <source>无法识别的图像格式：{detail}</source>
        <translation>Unrecognised image format: {detail}</translation>
    </message>
    <message>
        <location filename="../../drivers/scanner/errors.py" line="18"/>
        <source>二维码识别出错：{detail}</source>
        <translation>QR code decoding failed: {detail}</translation>
    </message>
    <message>
        <location filename="../../drivers/scanner/errors.py" line="19"/>
        <source>未找到扫码枪串口：{port}，请检查连接</source>
        <translation>Scanner port not found: {port}; check the connection</translation>
    </message>
    <message>
        <location filename="../../drivers/scanner/errors.py" line="22"/>
        <source>扫码枪串口出错：{port}（{detail}）</source>
        <translation>Scanner port error: {port} ({detail})</translation>
    </message>
    <message>
        <location filename="../../drivers/scanner/errors.py" line="23"/>
        <source>此系统不支持：{detail}</source>
        <translation>Not supported on this system: {detail}</translation>
    </message>
</context>
<context>
    <name>SessionPicker</name>
    <message>
        <location filename="../../venue_client/ui/checkin/session_picker.py" line="72"/>
        <source>{time} {kind} · {project} {section} · {room}</source>
        <translation>{time} {kind} · {project} {section} · {room}</translation>
    </message>
</context>
<context>
    <name>SetupAdminForm</name>
    <message>
        <location filename="../../venue_client/ui/setup_admin.py" line="18"/>
        <source>首次使用：创建系统管理员</source>
        <translation>First run: create the system administrator</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/setup_admin.py" line="21"/>
        <source>系统管理员负责添加其他用户和分配角色。请牢记密码。</source>
        <translation>The system administrator adds the other users and assigns their roles. Keep the password safe.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/setup_admin.py" line="25"/>
        <source>用户名（如 admin）</source>
        <translation>Username (e.g. admin)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/setup_admin.py" line="26"/>
        <source>姓名</source>
        <translation>Full name</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/setup_admin.py" line="28"/>
        <source>密码（至少 10 位，含字母和数字）</source>
        <translation>Password (at least 10 characters, letters and digits)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/setup_admin.py" line="30"/>
        <source>再次输入密码</source>
        <translation>Repeat the password</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/setup_admin.py" line="39"/>
        <location filename="../../venue_client/ui/setup_admin.py" line="72"/>
        <source>创建并登录</source>
        <translation>Create and log in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/setup_admin.py" line="66"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/setup_admin.py" line="72"/>
        <source>正在创建……</source>
        <translation>Creating…</translation>
    </message>
</context>
<context>
    <name>StepBar</name>
    <message>
        <location filename="../../venue_client/ui/step_bar.py" line="14"/>
        <source>签到</source>
        <translation>Check-in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/step_bar.py" line="15"/>
        <source>解密</source>
        <translation>Decryption</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/step_bar.py" line="16"/>
        <source>唱标/签名</source>
        <translation>Reading/Signing</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/step_bar.py" line="17"/>
        <source>结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/step_bar.py" line="19"/>
        <source>解密（暂停）</source>
        <translation>Decryption (paused)</translation>
    </message>
</context>
<context>
    <name>SupervisorDialog</name>
    <message>
        <location filename="../../venue_client/ui/checkin/supervisor_dialog.py" line="40"/>
        <source>监标人确认</source>
        <translation>Supervisor confirmation</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/supervisor_dialog.py" line="44"/>
        <source>请监标人核验 {person} 的身份后输入本人账号密码</source>
        <translation>Supervisor: check {person}&apos;s identity, then enter your own user name and password</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/supervisor_dialog.py" line="46"/>
        <source>监标人用户名</source>
        <translation>Supervisor&apos;s user name</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/supervisor_dialog.py" line="47"/>
        <source>确认签到 (Enter)</source>
        <translation>Confirm check-in (Enter)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/checkin/supervisor_dialog.py" line="68"/>
        <source>请输入监标人的用户名和密码</source>
        <translation>Enter the supervisor&apos;s user name and password</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="36"/>
        <location filename="../../venue_client/ui/pages/sync.py" line="86"/>
        <source>同步</source>
        <translation>Sync</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="37"/>
        <source>断网时照常工作；恢复连接后，事件按顺序补传，检查点由中心平台见证。</source>
        <translation>Works as usual offline; when the link returns, events are sent in order and checkpoints are witnessed by the platform.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="89"/>
        <source>告警 ({n})</source>
        <translation>Alarms ({n})</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="90"/>
        <source>被拒绝的事件 ({n})</source>
        <translation>Rejected events ({n})</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="91"/>
        <source>待处理日程变更 ({n})</source>
        <translation>Schedule changes ({n})</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="92"/>
        <source>上传与下载</source>
        <translation>Uploads and downloads</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="93"/>
        <source>同步记录</source>
        <translation>History</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="139"/>
        <source>已请求同步……</source>
        <translation>Sync requested…</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="150"/>
        <source>对象：{subject}</source>
        <translation>Subject: {subject}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="152"/>
        <source>确认后同步将恢复；原因未排除时告警会再次出现。</source>
        <translation>Sync resumes after acknowledgement; the alarm comes back if the cause remains.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="180"/>
        <source>应用标段 {section} 的第 {revision} 版变更？它将覆盖正在进行的场次的数据。</source>
        <translation>Apply revision {revision} of section {section}? It overwrites the data of a session under way.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="182"/>
        <source>不予采纳标段 {section} 的第 {revision} 版变更？</source>
        <translation>Dismiss revision {revision} of section {section}?</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="184"/>
        <source>日程变更</source>
        <translation>Schedule change</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="208"/>
        <source>正在签名……</source>
        <translation>Signing…</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="218"/>
        <source>没有新事件，最近的检查点仍然有效。</source>
        <translation>No new events; the last checkpoint still covers the whole log.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/pages/sync.py" line="220"/>
        <source>已签名检查点：{n} 个事件。</source>
        <translation>Checkpoint signed: {n} events.</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <location filename="../../venue_client/ui/worker.py" line="120"/>
        <source>提示</source>
        <translation>Notice</translation>
    </message>
</context>
<context>
    <name>TransfersTab</name>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="189"/>
        <source>投标文件下载</source>
        <translation>Bid downloads</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="193"/>
        <location filename="../../venue_client/ui/sync/tabs.py" line="220"/>
        <source>没有正在下载的投标文件</source>
        <translation>No bid is downloading</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="202"/>
        <source>录像与文件上传</source>
        <translation>Recording and file uploads</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="207"/>
        <source>文件</source>
        <translation>File</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="208"/>
        <source>类型</source>
        <translation>Kind</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="209"/>
        <source>大小</source>
        <translation>Size</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="210"/>
        <source>进度</source>
        <translation>Progress</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="211"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/tabs.py" line="224"/>
        <source>正在下载第 {index}/{total} 个：{bid}（{received} / {size}）</source>
        <translation>Downloading {index}/{total}: {bid} ({received} / {size})</translation>
    </message>
</context>
<context>
    <name>VenueStatusBar</name>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="156"/>
        <source>审计日志 {n} 条</source>
        <translation>Audit log: {n} events</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="202"/>
        <source>设备异常：{names}</source>
        <translation>Device fault: {names}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="208"/>
        <source>设备正常</source>
        <translation>Devices OK</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="205"/>
        <location filename="../../venue_client/ui/status_bar.py" line="211"/>
        <source>模拟设备</source>
        <translation>Simulated devices</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="104"/>
        <source>上次同步 {time}</source>
        <translation>Last sync {time}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="106"/>
        <source>尚未同步</source>
        <translation>Not synced yet</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="111"/>
        <source>待发送 {n}</source>
        <translation>{n} waiting</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="113"/>
        <source>，被拒绝 {n}</source>
        <translation>, {n} rejected</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="131"/>
        <source>⚠ 告警：{name}</source>
        <translation>⚠ Alarm: {name}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="133"/>
        <source>⚠ 告警 {n} 条：{name} 等</source>
        <translation>⚠ {n} alarms: {name} and more</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="135"/>
        <source> · 同步已停止</source>
        <translation> · sync stopped</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="144"/>
        <source>点击查看；须由分中心管理员确认</source>
        <translation>Click to view; a branch manager must acknowledge</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="166"/>
        <source>（本机时钟，上次校准 {time}）</source>
        <translation>(local clock, last calibrated {time})</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/status_bar.py" line="214"/>
        <source>设备：未连接</source>
        <translation>Devices: not connected</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <location filename="../../venue_client/app.py" line="78"/>
        <source>venue-client：没有可用的图形显示（未设置 DISPLAY 或 WAYLAND_DISPLAY）。
请在桌面会话中运行，或在虚拟显示中运行：xvfb-run -a venue-client --demo
只需截图时可用 --screenshot 文件.png（无需显示）。</source>
        <translation>venue-client: no graphical display is available (neither DISPLAY nor WAYLAND_DISPLAY is set).
Run it in a desktop session, or on a virtual display: xvfb-run -a venue-client --demo
For a screenshot only, use --screenshot FILE.png (needs no display).</translation>
    </message>
    <message>
        <location filename="../../venue_client/app.py" line="136"/>
        <source>无法启动</source>
        <translation>Cannot start</translation>
    </message>
</context>
<context>
    <name>approval</name>
    <message>
        <location filename="../../venue_client/services/approval.py" line="12"/>
        <source>{name} 不是监标人或分中心管理员，不能批准</source>
        <translation>{name} is not a supervisor or branch manager and cannot approve</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/approval.py" line="13"/>
        <source>操作员不能批准自己的操作，请由监标人确认</source>
        <translation>Operators cannot approve their own actions; a supervisor must confirm</translation>
    </message>
</context>
<context>
    <name>audit</name>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="29"/>
        <source>第 {seq} 条记录缺失（其后存储的是第 {next} 条）</source>
        <translation>Entry {seq} is missing (the next one stored is entry {next})</translation>
    </message>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="30"/>
        <source>第 {seq} 条记录无法读取：{detail}</source>
        <translation>Entry {seq} cannot be read: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="31"/>
        <source>第 {seq} 条记录（{type}）在写入后被修改</source>
        <translation>Entry {seq} ({type}) was changed after it was written</translation>
    </message>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="32"/>
        <source>第 {seq} 条记录（{type}）的内容不是规范格式</source>
        <translation>Entry {seq} ({type}) is not in canonical form</translation>
    </message>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="33"/>
        <source>日志头记录缺失</source>
        <translation>The log head record is missing</translation>
    </message>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="34"/>
        <source>日志头记载 {head} 条记录，实际存储 {stored} 条</source>
        <translation>The log head records {head} entries, but {stored} are stored</translation>
    </message>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="35"/>
        <source>日志头的根哈希与存储的记录不符</source>
        <translation>The log head&apos;s root hash does not match the stored entries</translation>
    </message>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="36"/>
        <source>{label} 签名校验失败：{detail}</source>
        <translation>{label}: signature check failed: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="37"/>
        <source>{label} 覆盖 {size} 条记录，但只存储了 {stored} 条：第 {stored} 条起的记录被删除</source>
        <translation>{label} covers {size} entries, but only {stored} are stored: the entries from {stored} on were deleted</translation>
    </message>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="40"/>
        <source>{label}（{size} 条）与存储的记录不符：第 {start} 至 {end} 条之间的记录被改写</source>
        <translation>{label} ({size} entries) does not match the stored entries: entries between {start} and {end} were rewritten</translation>
    </message>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="43"/>
        <source>第一条问题记录：第 {seq} 条</source>
        <translation>First bad entry: {seq}</translation>
    </message>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="44"/>
        <source>检查点 #{id}</source>
        <translation>Checkpoint #{id}</translation>
    </message>
    <message>
        <location filename="../../venue_client/audit/verify.py" line="45"/>
        <source>检查点文件 {path}</source>
        <translation>Checkpoint file {path}</translation>
    </message>
</context>
<context>
    <name>certcheck</name>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="17"/>
        <source>证书不是由受信任的 CA 签发</source>
        <translation>The certificate was not issued by a trusted CA</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="18"/>
        <source>签发此证书的 CA 证书“{ca}”不在有效期内（{not_before} 至 {not_after}）</source>
        <translation>The certificate of the issuing CA “{ca}” is not within its validity period ({not_before} to {not_after})</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="21"/>
        <source>证书已于 {not_after} 过期（有效期 {not_before} 至 {not_after}）</source>
        <translation>The certificate expired on {not_after} (valid from {not_before} to {not_after})</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="24"/>
        <source>证书尚未生效：有效期自 {not_before} 起（至 {not_after}）</source>
        <translation>The certificate is not valid yet: valid from {not_before} (to {not_after})</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="27"/>
        <source>证书已于 {revoked_at} 被吊销</source>
        <translation>The certificate was revoked on {revoked_at}</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="28"/>
        <source>无法确认证书是否已被吊销：没有“{ca}”的有效证书吊销列表（CRL）</source>
        <translation>Cannot confirm that the certificate is not revoked: no current certificate revocation list (CRL) of “{ca}”</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="31"/>
        <source>证书中的统一社会信用代码 {actual} 与投标人 {expected} 不符</source>
        <translation>The unified social credit code {actual} in the certificate does not match the bidder&apos;s {expected}</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="34"/>
        <source>证书中没有统一社会信用代码</source>
        <translation>The certificate contains no unified social credit code</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="35"/>
        <source>证书中的统一社会信用代码 {value} 无效（校验不通过）</source>
        <translation>The unified social credit code {value} in the certificate is invalid (check character mismatch)</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="36"/>
        <source>私钥与证书不匹配</source>
        <translation>The private key does not match the certificate</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="37"/>
        <source>不支持的证书算法：{algorithm}</source>
        <translation>Unsupported certificate algorithm: {algorithm}</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="38"/>
        <source>此证书不能用于数字签名（可能是加密证书），请选择签名证书</source>
        <translation>This certificate cannot be used for digital signatures (it may be an encryption certificate); choose the signing certificate</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="41"/>
        <source>这是 CA 证书，不是投标人的证书</source>
        <translation>This is a CA certificate, not a bidder&apos;s certificate</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="42"/>
        <source>签到挑战数据无效</source>
        <translation>Invalid check-in challenge</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="43"/>
        <source>签到挑战不属于本场签到，请重新签到</source>
        <translation>The challenge belongs to another check-in; please check in again</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="44"/>
        <source>签到挑战已过期，请重新签到</source>
        <translation>The check-in challenge has expired; please check in again</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="45"/>
        <source>无法读取 CA 证书或证书吊销列表文件：{path}</source>
        <translation>Cannot read the CA certificate or CRL file: {path}</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/certerrors.py" line="46"/>
        <source>未配置受信任的根证书：{path}</source>
        <translation>No trusted root certificate is configured: {path}</translation>
    </message>
</context>
<context>
    <name>checkin</name>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="51"/>
        <source>身份证</source>
        <translation>ID card</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="52"/>
        <source>手工录入</source>
        <translation>Typed in</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="53"/>
        <source>CA 证书</source>
        <translation>CA certificate</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="54"/>
        <source>二维码</source>
        <translation>QR code</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="57"/>
        <source>投标人代表</source>
        <translation>Representative</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="58"/>
        <source>评标专家</source>
        <translation>Evaluation expert</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="60"/>
        <source>已签到</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="61"/>
        <source>未签到</source>
        <translation>Not checked in</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="63"/>
        <source>证件号码无效：{detail}</source>
        <translation>Invalid ID number: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="64"/>
        <source>身份证已过有效期（{valid_to}）</source>
        <translation>The ID card has expired ({valid_to})</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="65"/>
        <source>不在本场次名单中，请核对场次</source>
        <translation>Not on this session&apos;s list; check the session</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="66"/>
        <source>该投标人有多名代表，请选择签到的代表</source>
        <translation>This bidder has several representatives; choose the one checking in</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="67"/>
        <source>证书单位与名单中的投标人不符</source>
        <translation>The certificate&apos;s company is not a bidder on the list</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="68"/>
        <source>{subject}被列入失信惩戒名单（{reason}），不得签到</source>
        <translation>{subject} is on the credit blacklist ({reason}) and may not check in</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="69"/>
        <source>{subject}有信用警示（{reason}），需监标人确认</source>
        <translation>{subject} has a credit warning ({reason}); a supervisor must confirm</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="70"/>
        <source>手工录入证件号码，需监标人核验</source>
        <translation>ID number typed in by hand; a supervisor must verify</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="71"/>
        <source>人脸比对相似度不足（{score}），需人工复核</source>
        <translation>Face similarity too low ({score}); needs manual review</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="72"/>
        <source>人脸比对不通过（{score}），需监标人当场核验</source>
        <translation>Face comparison failed ({score}); a supervisor must verify on the spot</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="73"/>
        <source>无法进行人脸比对，需人工核对证件照片</source>
        <translation>Face comparison unavailable; compare the ID photo by eye</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="74"/>
        <source>开标时间已过，迟到签到需监标人确认</source>
        <translation>The opening time has passed; a late check-in needs a supervisor</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="75"/>
        <source>本人</source>
        <translation>The person</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/checkin.py" line="76"/>
        <source>所在单位</source>
        <translation>The company</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/checkin_roster.py" line="28"/>
        <source>找不到场次 {session}</source>
        <translation>Session {session} not found</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/checkin.py" line="49"/>
        <source>此签到需监标人输入账号密码确认</source>
        <translation>This check-in needs a supervisor&apos;s user name and password</translation>
    </message>
</context>
<context>
    <name>cli</name>
    <message>
        <location filename="../../venue_client/cli.py" line="29"/>
        <source>有效的身份证号码：{number}（出生日期 {birth}，性别 {sex}）</source>
        <translation>Valid ID number: {number} (born {birth}, sex {sex})</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli.py" line="30"/>
        <source>有效的统一社会信用代码：{code}</source>
        <translation>Valid unified social credit code: {code}</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli.py" line="31"/>
        <source>审计日志完好：{size} 条记录，根哈希 {root}，{checkpoints} 个检查点已验证</source>
        <translation>Audit log intact: {size} entries, root hash {root}, {checkpoints} checkpoints verified</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli.py" line="34"/>
        <source>审计日志校验失败：</source>
        <translation>Audit log verification failed:</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli.py" line="35"/>
        <source>演示数据已写入 {path}</source>
        <translation>Demo data written to {path}</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli.py" line="36"/>
        <source>演示数据已存在，未作改动：{path}</source>
        <translation>Demo data already present, nothing changed: {path}</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli.py" line="37"/>
        <source>数据库已是最新版本（{revision}）：{url}</source>
        <translation>The database is up to date ({revision}): {url}</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli.py" line="38"/>
        <source>已添加用户 {username}（{role}）</source>
        <translation>User {username} added ({role})</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli.py" line="39"/>
        <source>已修改用户 {username} 的密码</source>
        <translation>Password of {username} changed</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli.py" line="40"/>
        <source>两次输入的密码不一致</source>
        <translation>The two passwords do not match</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli.py" line="41"/>
        <source>已签名检查点：{size} 条记录</source>
        <translation>Checkpoint signed: {size} entries</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli.py" line="42"/>
        <source>已生成 {path}</source>
        <translation>Written: {path}</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli.py" line="43"/>
        <source>日志自上个检查点以来没有新记录</source>
        <translation>No new entries since the last checkpoint</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="42"/>
        <source>数据目录（默认：本用户的应用数据目录）</source>
        <translation>data directory (default: this user&apos;s application data directory)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="48"/>
        <source>配置文件（默认：数据目录中的 config.toml）</source>
        <translation>settings file (default: config.toml in the data directory)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="50"/>
        <source>输出语言（zh_CN 或 en）</source>
        <translation>output language (zh_CN or en)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="59"/>
        <source>开标评标场所客户端的命令行管理工具</source>
        <translation>Command-line administration of the venue client</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="60"/>
        <source>退出码：0 成功，1 校验不通过，2 无法执行</source>
        <translation>Exit status: 0 success, 1 check failed, 2 could not run</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="77"/>
        <source>校验身份证号码或统一社会信用代码</source>
        <translation>validate an ID number or a unified social credit code</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="79"/>
        <source>校验居民身份证号码（GB 11643）</source>
        <translation>validate a citizen ID number (GB 11643)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="80"/>
        <source>18 位身份证号码</source>
        <translation>18-character ID number</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="85"/>
        <source>校验统一社会信用代码（GB 32100）</source>
        <translation>validate a unified social credit code (GB 32100)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="86"/>
        <source>18 位统一社会信用代码</source>
        <translation>18-character unified social credit code</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="88"/>
        <source>演示数据</source>
        <translation>demo data</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="93"/>
        <source>写入今天的演示数据（重复执行不会重复写入）</source>
        <translation>write today&apos;s demo data (running it again adds nothing)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="96"/>
        <source>数据库</source>
        <translation>database</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="97"/>
        <source>备份数据库文件后升级到最新结构</source>
        <translation>back up the database file, then upgrade it to the latest schema</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="99"/>
        <source>审计日志</source>
        <translation>audit log</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="104"/>
        <source>按已签名的检查点重新计算并校验审计日志</source>
        <translation>recompute the audit log and verify it against the signed checkpoints</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="111"/>
        <source>另外信任的验证公钥（可重复，如其他工作站的公钥）</source>
        <translation>another trusted verifier key (repeatable, e.g. other workstations&apos; keys)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="114"/>
        <location filename="../../venue_client/cli_parser.py" line="136"/>
        <location filename="../../venue_client/cli_parser.py" line="164"/>
        <location filename="../../venue_client/cli_parser.py" line="199"/>
        <location filename="../../venue_client/cli_parser.py" line="305"/>
        <source>以 JSON 输出</source>
        <translation>output JSON</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="117"/>
        <source>立即为日志签名检查点</source>
        <translation>sign a checkpoint of the log now</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="120"/>
        <source>用户与角色</source>
        <translation>users and roles</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="122"/>
        <source>添加用户（密码在提示时输入）</source>
        <translation>add a user (the password is asked for)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="124"/>
        <location filename="../../venue_client/cli_parser.py" line="141"/>
        <source>登录名</source>
        <translation>login name</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="125"/>
        <source>姓名</source>
        <translation>full name</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="127"/>
        <source>角色</source>
        <translation>role</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="132"/>
        <location filename="../../venue_client/cli_parser.py" line="145"/>
        <source>从标准输入读取一行作为密码（用于脚本）</source>
        <translation>read the password as one line from standard input (for scripts)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="134"/>
        <source>列出用户</source>
        <translation>list users</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="139"/>
        <source>修改用户密码并解除锁定</source>
        <translation>change a user&apos;s password and lift any lockout</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="148"/>
        <source>开标会与评标会</source>
        <translation>opening and evaluation sessions</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="153"/>
        <source>列出某日的开标会与评标会及其编号（其他命令使用这些编号）</source>
        <translation>list the opening and evaluation sessions of a day with their IDs (other commands take these IDs)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="160"/>
        <source>日期（默认今天）</source>
        <translation>date (default: today)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="162"/>
        <source>所有日期</source>
        <translation>all dates</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="166"/>
        <source>报表（PDF）</source>
        <translation>reports (PDF)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="168"/>
        <source>投标文件加密与解密</source>
        <translation>Seal and open bid envelopes</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="207"/>
        <source>生成场次的签到表</source>
        <translation>write a session&apos;s sign-in sheet</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="210"/>
        <source>场次编号（见 sessions list），如 O1、E3</source>
        <translation>session id (see sessions list), e.g. O1, E3</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="217"/>
        <location filename="../../venue_client/cli_parser.py" line="241"/>
        <source>输出文件</source>
        <translation>output file</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="229"/>
        <source>生成开标记录表（任何状态均可生成，未结束的标为草稿）</source>
        <translation>Produce the opening record (any state; marked as draft until closed)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="234"/>
        <source>开标场次编号（见 sessions list，如 O1）或标段编号</source>
        <translation>Opening session id (see sessions list, e.g. O1) or section code</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="252"/>
        <source>把文件加密为 VBE1 投标文件，并显示回执 SHA-256</source>
        <translation>Seal a file as a VBE1 bid envelope and print the receipt SHA-256</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="260"/>
        <source>接收者证书（PEM/DER，RSA、EC P-256 或 SM2；可重复）</source>
        <translation>Recipient certificate (PEM/DER; RSA, EC P-256 or SM2; repeatable)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="268"/>
        <source>平台备用密钥的证书（可重复）</source>
        <translation>Certificate of the platform backup key (repeatable)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="273"/>
        <source>用 SM4-GCM 代替 AES-256-GCM</source>
        <translation>Use SM4-GCM instead of AES-256-GCM</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="280"/>
        <source>RSA 接收者的填充方式（默认 oaep-sha256；SoftHSM 用 oaep-sha1，旧加密锁用 pkcs1v15）</source>
        <translation>Padding for RSA recipients (default oaep-sha256; SoftHSM needs oaep-sha1, older USB keys pkcs1v15)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="291"/>
        <source>开标一览表（JSON 对象，报价写成字符串，如 &quot;1234.50&quot;）</source>
        <translation>Opening summary (a JSON object; prices as strings, e.g. &quot;1234.50&quot;)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="299"/>
        <source>显示投标文件的格式、接收者、算法和大小（不需要密钥）</source>
        <translation>Show a bid file&apos;s format, recipients, algorithms and sizes (no key needed)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="302"/>
        <source>投标文件</source>
        <translation>Bid file</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="312"/>
        <source>解密投标文件（VBE1、CMS 或 GM/T 0010），先核对回执</source>
        <translation>Decrypt a bid file (VBE1, CMS or GM/T 0010), checking the receipt first</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="319"/>
        <source>私钥文件（PEM/DER；RSA、EC 或 SM2）</source>
        <translation>Private key file (PEM/DER; RSA, EC or SM2)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="325"/>
        <source>PKCS#12 文件（.p12/.pfx）</source>
        <translation>PKCS#12 file (.p12/.pfx)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="331"/>
        <source>加密锁的 PKCS#11 驱动库（.so/.dll）</source>
        <translation>PKCS#11 module of the USB key (.so/.dll)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="337"/>
        <source>与 --key 对应的证书（默认在密钥文件中查找）</source>
        <translation>Certificate for --key (looked for in the key file by default)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="342"/>
        <source>加密锁标签（默认第一个加密锁）</source>
        <translation>USB key label (default: the first one)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="349"/>
        <source>从此文件第一行读取密钥文件密码或加密锁 PIN（默认在终端提示输入）</source>
        <translation>Read the key file password or the USB key PIN from the first line of this file (default: ask on the terminal)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="357"/>
        <source>投标回执中的 SHA-256（先核对，不符则不解密）</source>
        <translation>SHA-256 from the bid receipt (checked first; no decryption on mismatch)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="362"/>
        <source>只读取并以 JSON 显示开标一览表，不解密正文</source>
        <translation>Only read the opening summary and print it as JSON; do not decrypt the body</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="374"/>
        <source>输入文件</source>
        <translation>Input file</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="381"/>
        <source>输出文件（不得已存在）</source>
        <translation>Output file (must not exist)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="167"/>
        <source>二代身份证读卡器</source>
        <translation>second-generation ID card reader</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="178"/>
        <source>读取一张身份证并显示</source>
        <translation>read one ID card and print it</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="183"/>
        <source>读卡器端口：/dev/ttyUSB0、COM3、socket://主机:端口 等</source>
        <translation>reader port: /dev/ttyUSB0, COM3, socket://host:port, ...</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="190"/>
        <source>等待放卡的秒数（默认 10）</source>
        <translation>seconds to wait for a card (default 10)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_parser.py" line="196"/>
        <source>波特率（默认 115200，无应答时再试 9600）</source>
        <translation>baud rate (default 115200; 9600 is tried when there is no answer)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="29"/>
        <source>已加密：{path}（{format} {cipher}，{count} 个接收者）</source>
        <translation>Sealed: {path} ({format} {cipher}, {count} recipients)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="30"/>
        <source>回执 SHA-256：{sha256}</source>
        <translation>Receipt SHA-256: {sha256}</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="31"/>
        <source>已解密：{path}（{format}，{size} 字节，接收者 {recipient}）</source>
        <translation>Decrypted: {path} ({format}, {size} bytes, recipient {recipient})</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="34"/>
        <source>投标文件 SHA-256 {sha256} 与回执相符</source>
        <translation>Bid file SHA-256 {sha256} matches the receipt</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="35"/>
        <source>投标文件 SHA-256：{sha256}（未提供回执，未比对）</source>
        <translation>Bid file SHA-256: {sha256} (no receipt given, not compared)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="36"/>
        <source>开标一览表：{summary}</source>
        <translation>Opening summary: {summary}</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="37"/>
        <source>格式：{format}（{detail}）</source>
        <translation>Format: {format} ({detail})</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="38"/>
        <source>内容加密算法：{cipher}</source>
        <translation>Content cipher: {cipher}</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="39"/>
        <source>大小：文件 {file}，密文 {cipher}，明文 {plain}</source>
        <translation>Size: file {file}, ciphertext {cipher}, plaintext {plain}</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="40"/>
        <source>{n} 字节</source>
        <translation>{n} bytes</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="41"/>
        <source>未知</source>
        <translation>unknown</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="42"/>
        <source>接收者（{count} 个）：</source>
        <translation>Recipients ({count}):</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="43"/>
        <source>备用密钥</source>
        <translation>Backup key</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="44"/>
        <source>不支持</source>
        <translation>not supported</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="45"/>
        <source>开标一览表：有（需密钥才能读取）</source>
        <translation>Opening summary: present (needs a key to read)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="46"/>
        <source>开标一览表：无</source>
        <translation>Opening summary: none</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="47"/>
        <source>{prompt}：</source>
        <translation>{prompt}: </translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="48"/>
        <source>文件不存在或无法读取：{path}</source>
        <translation>File missing or unreadable: {path}</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="49"/>
        <source>无法读取证书或公钥：{path}（需要 PEM/DER 证书或 SM2 公钥）</source>
        <translation>Cannot read the certificate or public key: {path} (a PEM/DER certificate or an SM2 public key is needed)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="50"/>
        <source>开标一览表文件不是有效的 JSON：{path}（{detail}）</source>
        <translation>The opening summary file is not valid JSON: {path} ({detail})</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="51"/>
        <source>请用 --out 指定输出文件（仅读开标一览表时用 --summary-only）</source>
        <translation>Give the output file with --out (use --summary-only to read the opening summary only)</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="54"/>
        <source>密钥文件 {path} 中没有证书，请用 --cert 指定与密钥对应的证书</source>
        <translation>The key file {path} holds no certificate; give the key&apos;s certificate with --cert</translation>
    </message>
    <message>
        <location filename="../../venue_client/cli_bid.py" line="57"/>
        <source>找不到开标场次或标段：{ref}（请用 sessions list 查看场次编号，如 O1，或标段编号）</source>
        <translation>No opening session or section {ref} (see sessions list for ids such as O1, or give a section code)</translation>
    </message>
</context>
<context>
    <name>config</name>
    <message>
        <location filename="../../venue_client/config.py" line="24"/>
        <source>配置文件 {path} 格式错误：{detail}</source>
        <translation>The settings file {path} is malformed: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="25"/>
        <source>配置文件 {path} 中有未知的设置项 “{key}”</source>
        <translation>Unknown setting “{key}” in configuration file {path}</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="26"/>
        <source>配置文件 {path} 中有未知的设置项 “{key}”（是否应为 “{suggestion}”？）</source>
        <translation>Unknown setting “{key}” in configuration file {path} (did you mean “{suggestion}”?)</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="29"/>
        <source>设置项 “{key}” 应为{expected}，实为 “{value}”（来源：{source}）</source>
        <translation>Setting &quot;{key}&quot; should be {expected}, but is &quot;{value}&quot; (from {source})</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="32"/>
        <source>找不到配置文件 {path}</source>
        <translation>Settings file {path} not found</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="33"/>
        <source>配置文件 {path} 的 [face] 设置有误：{detail}</source>
        <translation>The [face] settings in {path} are wrong: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="34"/>
        <source>无法读取配置文件 {path}：{detail}</source>
        <translation>Cannot read the settings file {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="44"/>
        <source>场所编码（VENUE_CODE）</source>
        <translation>Venue code (VENUE_CODE)</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="46"/>
        <source>场所名称</source>
        <translation>Venue name</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="53"/>
        <source>工作站编号，空则首次启动时生成</source>
        <translation>Workstation id; generated on first start when empty</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="57"/>
        <source>本机所在的开标台或评标室</source>
        <translation>The opening desk or evaluation room of this PC</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="66"/>
        <source>数据库地址，空则使用数据目录中的 SQLite</source>
        <translation>Database URL; empty uses SQLite in the data directory</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="75"/>
        <source>有新事件时签名检查点的间隔（秒）</source>
        <translation>Seconds between signed checkpoints while new events arrive</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="83"/>
        <source>连续登录失败多少次后锁定账号</source>
        <translation>Failed logins in a row before the account locks</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="86"/>
        <source>账号锁定时长（分钟）</source>
        <translation>Account lockout duration (minutes)</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="89"/>
        <source>无操作多少分钟后锁屏</source>
        <translation>Minutes of inactivity before the screen locks</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="97"/>
        <source>界面语言：zh_CN 或 en</source>
        <translation>Interface language: zh_CN or en</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="102"/>
        <source>开标大屏所在的显示器序号（0 为主显示器；不足时用最后一个）</source>
        <translation>Display number for the hall screen (0 is the primary; the last one if there are fewer)</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="112"/>
        <source>日志级别</source>
        <translation>Log level</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="121"/>
        <source>身份证读卡器端口：sim://、/dev/ttyUSB0、COM3 等，空则不使用</source>
        <translation>ID card reader port: sim://, /dev/ttyUSB0, COM3, ...; empty for none</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="127"/>
        <source>读卡器波特率</source>
        <translation>Card reader baud rate</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="131"/>
        <source>读卡器厂商的照片解码库路径</source>
        <translation>Path of the reader vendor&apos;s photo decoder library</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="136"/>
        <source>CA 锁的 PKCS#11 模块路径，sim:// 为模拟</source>
        <translation>PKCS#11 module of the CA keys; sim:// simulates them</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="142"/>
        <source>人证比对：on 启用（模型与阈值见 [face]），空则不启用</source>
        <translation>Face comparison: on to enable (models and thresholds in [face]); empty for off</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="148"/>
        <source>设备状态检查间隔（秒）</source>
        <translation>Seconds between device health checks</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="162"/>
        <source>受信任的 CA 证书与吊销列表目录，空则为数据目录下的 ca</source>
        <translation>Directory of trusted CA certificates and CRLs; empty means ca in the data directory</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="170"/>
        <source>on：没有有效吊销列表（CRL）时拒绝 CA 证书签到</source>
        <translation>on: refuse certificate check-in when no current CRL is available</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="178"/>
        <source>签发签到二维码的平台公钥（签名说明格式，多个以空格分隔）</source>
        <translation>Platform public keys that sign check-in QR codes (signed-note verifier keys, separated by spaces)</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="186"/>
        <source>签到台使用的摄像机名称，空则选名称含“签到”的摄像机</source>
        <translation>Name of the desk camera; empty picks a camera whose name contains 签到</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="198"/>
        <source>交易平台接口地址（如 https://…/venue-api/v1），空则离线工作</source>
        <translation>Central platform API address (e.g. https://…/venue-api/v1); empty means work offline</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="206"/>
        <source>平台分配的场所编码，空则用 venue.code</source>
        <translation>Venue code assigned by the platform; empty uses venue.code</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="212"/>
        <source>平台登记的工作站编号，空则用 workstation.id</source>
        <translation>Workstation id registered with the platform; empty uses workstation.id</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="219"/>
        <source>工作站令牌文件（仅本机账户可读）</source>
        <translation>Workstation token file (readable by this account only)</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="224"/>
        <source>工作站令牌本身（宜用环境变量 VENUE_CENTRAL_TOKEN，勿写入配置文件）</source>
        <translation>The workstation token itself (prefer the VENUE_CENTRAL_TOKEN variable; do not write it into the config file)</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="230"/>
        <source>平台请求超时（秒）</source>
        <translation>Platform request timeout (seconds)</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="235"/>
        <source>与平台时钟允许的偏差（秒），超出则不能开标</source>
        <translation>Allowed clock skew against the platform (seconds); beyond it an opening cannot start</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="294"/>
        <source>整数</source>
        <translation>an integer</translation>
    </message>
    <message>
        <location filename="../../venue_client/config.py" line="294"/>
        <source>文本</source>
        <translation>text</translation>
    </message>
</context>
<context>
    <name>context</name>
    <message>
        <location filename="../../venue_client/services/context.py" line="30"/>
        <source>无法使用数据目录 {path}：{detail}</source>
        <translation>Cannot use the data directory {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/context.py" line="31"/>
        <source>审计签名密钥文件 {path} 无法读取或已损坏：{detail}</source>
        <translation>The audit signing key file {path} cannot be read or is damaged: {detail}</translation>
    </message>
</context>
<context>
    <name>credentials</name>
    <message>
        <location filename="../../venue_client/ui/credentials.py" line="18"/>
        <source>正在核验…</source>
        <translation>Checking…</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/credentials.py" line="19"/>
        <source>取消 (Esc)</source>
        <translation>Cancel (Esc)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/credentials.py" line="20"/>
        <source>密码</source>
        <translation>Password</translation>
    </message>
</context>
<context>
    <name>devices</name>
    <message>
        <location filename="../../venue_client/services/devices.py" line="27"/>
        <source>未配置</source>
        <translation>not configured</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/devices.py" line="28"/>
        <source>模拟设备</source>
        <translation>simulated</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/devices.py" line="29"/>
        <source>找不到 PKCS#11 模块 {path}</source>
        <translation>PKCS#11 module {path} not found</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/devices.py" line="30"/>
        <source>未插入加密锁</source>
        <translation>no USB key inserted</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/devices.py" line="31"/>
        <source>已插入 {count} 个加密锁</source>
        <translation>{count} USB keys inserted</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/devices.py" line="32"/>
        <source>{error}</source>
        <translation>{error}</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/devices.py" line="33"/>
        <source>正在连接</source>
        <translation>connecting</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/devices.py" line="34"/>
        <source>{backend} 模型 {model}</source>
        <translation>{backend} model {model}</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/devices.py" line="36"/>
        <source>身份证读卡器</source>
        <translation>ID card reader</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/devices.py" line="37"/>
        <source>CA 锁</source>
        <translation>CA key</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/devices.py" line="38"/>
        <source>人证比对</source>
        <translation>Face comparison</translation>
    </message>
</context>
<context>
    <name>drivers.token</name>
    <message>
        <location filename="../../drivers/token/errors.py" line="45"/>
        <source>无法加载加密锁驱动：{module}</source>
        <translation>Cannot load the key token driver: {module}</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="46"/>
        <source>未检测到加密锁，请插入加密锁后重试</source>
        <translation>No key token detected. Insert the token and try again</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="47"/>
        <source>未检测到证书</source>
        <translation>No certificate found</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="48"/>
        <source>加密锁中没有与证书对应的私钥</source>
        <translation>The token holds no private key for the certificate</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="49"/>
        <source>已取消输入 PIN</source>
        <translation>PIN entry cancelled</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="50"/>
        <source>PIN 错误，还可尝试 {attempts} 次</source>
        <translation>Wrong PIN; {attempts} attempts left</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="51"/>
        <source>PIN 错误，剩余尝试次数已不多</source>
        <translation>Wrong PIN; few attempts are left</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="52"/>
        <source>PIN 错误</source>
        <translation>Wrong PIN</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="53"/>
        <source>PIN 已锁定，请联系证书颁发机构解锁</source>
        <translation>The PIN is locked. Ask the certificate authority to unlock it</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="54"/>
        <source>PIN 已过期，请先修改 PIN</source>
        <translation>The PIN has expired. Change the PIN first</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="55"/>
        <source>加密锁已被拔出，请重新插入后重试</source>
        <translation>The key token was removed. Insert it again and retry</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="56"/>
        <source>此加密锁不支持所需的算法（{mechanism}）</source>
        <translation>This key token does not support the required algorithm ({mechanism})</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="57"/>
        <source>非本投标人的加密锁</source>
        <translation>Not this bidder&apos;s key token</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="58"/>
        <source>解密失败：密文与此加密锁的密钥不符</source>
        <translation>Decryption failed: the ciphertext does not match this token&apos;s key</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="59"/>
        <source>无法读取密钥文件：{path}</source>
        <translation>Cannot read the key file: {path}</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="60"/>
        <source>密钥文件密码错误：{path}</source>
        <translation>Wrong password for the key file: {path}</translation>
    </message>
    <message>
        <location filename="../../drivers/token/errors.py" line="61"/>
        <source>加密锁操作失败（错误码 {code}）</source>
        <translation>Key token operation failed (error code {code})</translation>
    </message>
    <message>
        <location filename="../../drivers/token/keys.py" line="38"/>
        <source>请输入加密锁“{token}”的 PIN</source>
        <translation>Enter the PIN of key token &quot;{token}&quot;</translation>
    </message>
    <message>
        <location filename="../../drivers/token/keys.py" line="39"/>
        <source>请输入加密锁“{token}”的 PIN（剩余尝试次数已不多）</source>
        <translation>Enter the PIN of key token &quot;{token}&quot; (few attempts left)</translation>
    </message>
    <message>
        <location filename="../../drivers/token/keys.py" line="42"/>
        <source>请输入加密锁“{token}”的 PIN（最后一次尝试，再错将锁定）</source>
        <translation>Enter the PIN of key token &quot;{token}&quot; (last attempt: another error locks it)</translation>
    </message>
    <message>
        <location filename="../../drivers/token/keys.py" line="45"/>
        <source>请在加密锁“{token}”的键盘上输入 PIN</source>
        <translation>Enter the PIN on the keypad of key token &quot;{token}&quot;</translation>
    </message>
    <message>
        <location filename="../../drivers/token/session.py" line="268"/>
        <source>加密锁会话已关闭</source>
        <translation>The key token session is closed</translation>
    </message>
    <message>
        <location filename="../../drivers/token/simulator.py" line="32"/>
        <source>模拟加密锁：SoftHSM2，{count} 个</source>
        <translation>Simulated key tokens: SoftHSM2, {count}</translation>
    </message>
    <message>
        <location filename="../../drivers/token/simulator.py" line="33"/>
        <source>模拟加密锁：软件密钥，{count} 个（未安装 SoftHSM2）</source>
        <translation>Simulated key tokens: software keys, {count} (SoftHSM2 not installed)</translation>
    </message>
    <message>
        <location filename="../../drivers/token/softkeys.py" line="37"/>
        <source>请输入密钥文件“{path}”的密码</source>
        <translation>Enter the password of key file &quot;{path}&quot;</translation>
    </message>
</context>
<context>
    <name>envelope</name>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="14"/>
        <source>不是可识别的投标文件加密格式</source>
        <translation>Not a recognised bid envelope format</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="15"/>
        <source>投标文件加密结构损坏：{detail}</source>
        <translation>The bid envelope is malformed: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="16"/>
        <source>不支持的加密算法：{algorithm}</source>
        <translation>Unsupported algorithm: {algorithm}</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="17"/>
        <source>所用密钥不是此投标文件的接收者（密钥错误），请使用投标时的数字证书</source>
        <translation>This key is not a recipient of the bid (wrong key); use the certificate the bid was encrypted to</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="20"/>
        <source>无法用此密钥解开内容密钥（密钥错误或密钥块损坏）</source>
        <translation>The content key cannot be unwrapped with this key (wrong key or damaged key block)</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="21"/>
        <source>投标文件密文校验失败（第 {chunk} 块），文件已被篡改或损坏</source>
        <translation>The bid ciphertext failed authentication (chunk {chunk}); the file was altered or damaged</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="24"/>
        <source>投标文件不完整（在第 {offset} 字节处截断）</source>
        <translation>The bid file is incomplete (truncated at byte {offset})</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="25"/>
        <source>投标文件末尾有多余数据（第 {offset} 字节起）</source>
        <translation>The bid file has extra data at its end (from byte {offset})</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="26"/>
        <source>投标文件的 SHA-256 {actual} 与回执 {expected} 不符，文件与投标时不一致</source>
        <translation>The bid file&apos;s SHA-256 {actual} does not match the receipt {expected}; the file is not the one submitted</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="29"/>
        <source>回执中的 SHA-256 无效：{value}</source>
        <translation>The receipt&apos;s SHA-256 is invalid: {value}</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="30"/>
        <source>输出文件已存在：{path}</source>
        <translation>The output file already exists: {path}</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="31"/>
        <source>无法写入解密后的文件：{path}（{reason}）</source>
        <translation>Cannot write the decrypted file: {path} ({reason})</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="32"/>
        <source>此投标文件没有开标一览表</source>
        <translation>This bid has no opening summary</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/envelope_errors.py" line="33"/>
        <source>开标一览表内容无效：{detail}</source>
        <translation>The opening summary is invalid: {detail}</translation>
    </message>
</context>
<context>
    <name>face</name>
    <message>
        <location filename="../../drivers/face/types.py" line="39"/>
        <source>人脸比对通过</source>
        <translation>Face match passed</translation>
    </message>
    <message>
        <location filename="../../drivers/face/types.py" line="40"/>
        <source>人脸比对存疑，需主管复核</source>
        <translation>Face match uncertain: a supervisor must review</translation>
    </message>
    <message>
        <location filename="../../drivers/face/types.py" line="41"/>
        <source>人脸比对不一致</source>
        <translation>Face does not match</translation>
    </message>
    <message>
        <location filename="../../drivers/face/errors.py" line="13"/>
        <source>证件照中未检测到人脸，请人工核验</source>
        <translation>No face found in the ID photo; check manually</translation>
    </message>
    <message>
        <location filename="../../drivers/face/errors.py" line="14"/>
        <source>摄像头画面中未检测到人脸（共 {frames} 帧），请正对摄像头</source>
        <translation>No face in the camera picture ({frames} frames); face the camera</translation>
    </message>
    <message>
        <location filename="../../drivers/face/errors.py" line="17"/>
        <source>证件照中检测到 {count} 张人脸，请人工核验</source>
        <translation>{count} faces found in the ID photo; check manually</translation>
    </message>
    <message>
        <location filename="../../drivers/face/errors.py" line="18"/>
        <source>画面中有多人（{count} 张人脸），请其他人员离开摄像头范围</source>
        <translation>Several people in the picture ({count} faces); others please step out of view</translation>
    </message>
    <message>
        <location filename="../../drivers/face/errors.py" line="21"/>
        <source>人脸识别模型文件不存在：{path}</source>
        <translation>Face model file not found: {path}</translation>
    </message>
    <message>
        <location filename="../../drivers/face/errors.py" line="22"/>
        <source>人脸识别模型文件校验失败（SHA-256 不符），已拒绝加载：{path}</source>
        <translation>Face model file failed its check (SHA-256 differs) and was not loaded: {path}</translation>
    </message>
    <message>
        <location filename="../../drivers/face/errors.py" line="25"/>
        <source>人脸识别模型文件不可用：{path}（{reason}）</source>
        <translation>Face model file unusable: {path} ({reason})</translation>
    </message>
    <message>
        <location filename="../../drivers/face/errors.py" line="26"/>
        <source>人脸识别组件“{backend}”不可用：{reason}</source>
        <translation>Face backend “{backend}” unavailable: {reason}</translation>
    </message>
    <message>
        <location filename="../../drivers/face/errors.py" line="27"/>
        <source>图像格式不受支持：{reason}</source>
        <translation>Unsupported image: {reason}</translation>
    </message>
    <message>
        <location filename="../../drivers/face/errors.py" line="28"/>
        <source>人脸识别配置有误：{reason}</source>
        <translation>Face settings are wrong: {reason}</translation>
    </message>
    <message>
        <location filename="../../drivers/face/errors.py" line="29"/>
        <source>预先计算的人脸特征来自其他模型（{backend}），请重新采集</source>
        <translation>The precomputed face features come from another model ({backend}); capture again</translation>
    </message>
    <message>
        <location filename="../../drivers/face/liveness.py" line="33"/>
        <source>请向左转头，再转回正面</source>
        <translation>Turn your head to the left, then back to the front</translation>
    </message>
    <message>
        <location filename="../../drivers/face/liveness.py" line="34"/>
        <source>请向右转头，再转回正面</source>
        <translation>Turn your head to the right, then back to the front</translation>
    </message>
    <message>
        <location filename="../../drivers/face/liveness.py" line="36"/>
        <source>未检测到人脸，请正对摄像头</source>
        <translation>No face found; face the camera</translation>
    </message>
    <message>
        <location filename="../../drivers/face/liveness.py" line="37"/>
        <source>开始时请正对摄像头保持不动</source>
        <translation>Face the camera and keep still to begin</translation>
    </message>
    <message>
        <location filename="../../drivers/face/liveness.py" line="38"/>
        <source>人脸离开了画面，请重新开始</source>
        <translation>The face left the picture; start again</translation>
    </message>
    <message>
        <location filename="../../drivers/face/liveness.py" line="39"/>
        <source>画面不连续（疑似更换了照片或画面），请重新开始</source>
        <translation>The picture jumped (a photo or screen may have been swapped); start again</translation>
    </message>
    <message>
        <location filename="../../drivers/face/liveness.py" line="40"/>
        <source>转头方向与提示不符，请重新开始</source>
        <translation>Turned the wrong way; start again</translation>
    </message>
    <message>
        <location filename="../../drivers/face/liveness.py" line="41"/>
        <source>未在规定时间内完成转头动作</source>
        <translation>The head turn was not completed in time</translation>
    </message>
    <message>
        <location filename="../../drivers/face/liveness.py" line="42"/>
        <source>未观察到要求的转头动作</source>
        <translation>The requested head turn was not seen</translation>
    </message>
</context>
<context>
    <name>formatting</name>
    <message>
        <location filename="../../venue_client/ui/formatting.py" line="15"/>
        <source>星期一</source>
        <translation>Mon</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/formatting.py" line="16"/>
        <source>星期二</source>
        <translation>Tue</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/formatting.py" line="17"/>
        <source>星期三</source>
        <translation>Wed</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/formatting.py" line="18"/>
        <source>星期四</source>
        <translation>Thu</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/formatting.py" line="19"/>
        <source>星期五</source>
        <translation>Fri</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/formatting.py" line="20"/>
        <source>星期六</source>
        <translation>Sat</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/formatting.py" line="21"/>
        <source>星期日</source>
        <translation>Sun</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/formatting.py" line="41"/>
        <source>{y}年{m:02d}月{d:02d}日</source>
        <translation>{y}-{m:02d}-{d:02d}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/formatting.py" line="44"/>
        <source>{date} {weekday}</source>
        <translation>{weekday} {date}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/formatting.py" line="52"/>
        <source>北京时间 {date} {time}</source>
        <translation>Beijing time {date} {time}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/formatting.py" line="56"/>
        <source>（本机时钟）</source>
        <translation> (local clock)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/formatting.py" line="69"/>
        <source>{h:02d} 时 {m:02d} 分 {s:02d} 秒</source>
        <translation>{h:02d} h {m:02d} min {s:02d} s</translation>
    </message>
</context>
<context>
    <name>idcard</name>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="15"/>
        <source>读卡失败：{message}（读卡器状态码 {code}）</source>
        <translation>Card read failed: {message} (reader status {code})</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="16"/>
        <source>读卡失败：{message}（错误代码 {code}）</source>
        <translation>Card read failed: {message} (error {code})</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="17"/>
        <source>{label}：{value}</source>
        <translation>{label}: {value}</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="18"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="19"/>
        <source>性别</source>
        <translation>Sex</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="20"/>
        <source>民族</source>
        <translation>Ethnicity</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="21"/>
        <source>出生</source>
        <translation>Born</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="22"/>
        <source>住址</source>
        <translation>Address</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="23"/>
        <source>公民身份号码</source>
        <translation>Citizen ID number</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="24"/>
        <source>签发机关</source>
        <translation>Issued by</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="25"/>
        <source>有效期限</source>
        <translation>Valid</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="26"/>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="27"/>
        <source>男</source>
        <translation>male</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="28"/>
        <source>女</source>
        <translation>female</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="29"/>
        <source>长期</source>
        <translation>long-term</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="30"/>
        <source>已解码</source>
        <translation>decoded</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/cli.py" line="31"/>
        <source>不可用（未配置或无法加载照片解码库）</source>
        <translation>unavailable (no photo decoder configured or it cannot be loaded)</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="41"/>
        <source>未放卡或卡片未放好</source>
        <translation>No card, or the card is not placed properly</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="46"/>
        <source>选卡失败，请重新放置身份证</source>
        <translation>Could not select the card; place the ID card again</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="51"/>
        <source>读卡失败，请重新放置身份证</source>
        <translation>Could not read the card; place the ID card again</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="56"/>
        <source>读卡器收到的命令校验和错误</source>
        <translation>The reader received a command with a wrong checksum</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="61"/>
        <source>读卡器收到的命令长度错误</source>
        <translation>The reader received a command with a wrong length</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="66"/>
        <source>读卡器不支持该命令或命令格式错误</source>
        <translation>The reader does not support the command, or it is malformed</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="71"/>
        <source>读卡器拒绝越权操作</source>
        <translation>The reader refused an unauthorised operation</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="80"/>
        <source>身份证认证读卡器失败</source>
        <translation>The ID card failed to authenticate the reader</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="85"/>
        <source>读卡器认证身份证失败</source>
        <translation>The reader failed to authenticate the ID card</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="90"/>
        <source>身份证信息验证错误</source>
        <translation>The ID card&apos;s data failed verification</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="95"/>
        <source>无法识别的卡片，请放置居民身份证</source>
        <translation>Unrecognised card; place a citizen ID card</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="100"/>
        <source>读卡器安全模块自检失败</source>
        <translation>The reader&apos;s security module failed its self-test</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="105"/>
        <source>读卡器安全模块未经授权</source>
        <translation>The reader&apos;s security module is not authorised</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="111"/>
        <source>读卡器返回未知状态 {code}</source>
        <translation>The reader returned an unknown status {code}</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="162"/>
        <source>读卡器应答校验和错误</source>
        <translation>The reader&apos;s answer has a wrong checksum</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="167"/>
        <source>读卡器应答长度错误</source>
        <translation>The reader&apos;s answer has a wrong length</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="172"/>
        <source>读卡器应答不完整</source>
        <translation>The reader&apos;s answer is incomplete</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="179"/>
        <source>身份证信息无法解析：{detail}</source>
        <translation>The ID card&apos;s data cannot be parsed: {detail}</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="184"/>
        <source>读卡器无应答（{port}）</source>
        <translation>The reader does not answer ({port})</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="189"/>
        <source>读卡器端口 {port} 不可用：{reason}</source>
        <translation>Reader port {port} is unavailable: {reason}</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="194"/>
        <source>读卡器尚未打开</source>
        <translation>The reader is not open</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="199"/>
        <source>该身份证已读取，请取下后重新放置</source>
        <translation>This ID card was already read; lift it and place it again</translation>
    </message>
    <message>
        <location filename="../../drivers/idcard/errors.py" line="204"/>
        <source>读卡已取消</source>
        <translation>Card read cancelled</translation>
    </message>
</context>
<context>
    <name>identity</name>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="28"/>
        <source>请输入身份证号码</source>
        <translation>Enter the ID number</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="29"/>
        <source>身份证号码应为 18 位，实为 {length} 位</source>
        <translation>An ID number has 18 characters; this one has {length}</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="30"/>
        <source>身份证号码第 {position} 位“{char}”无效：前 17 位应为数字，末位应为数字或 X</source>
        <translation>Character {position} of the ID number (&quot;{char}&quot;) is invalid: the first 17 must be digits, the last a digit or X</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="33"/>
        <source>身份证号码前两位“{code}”不是有效的省级行政区划代码</source>
        <translation>The first two digits of the ID number (&quot;{code}&quot;) are not a valid province code</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="36"/>
        <source>身份证号码中的出生日期“{value}”不是有效的日期</source>
        <translation>The birth date in the ID number (&quot;{value}&quot;) is not a valid date</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="39"/>
        <source>身份证号码中的出生日期 {birth_date} 晚于今天（{today}）</source>
        <translation>The birth date in the ID number ({birth_date}) is after today ({today})</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="42"/>
        <source>身份证号码中的出生日期 {birth_date} 早于 1900 年 1 月 1 日</source>
        <translation>The birth date in the ID number ({birth_date}) is before 1 January 1900</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="45"/>
        <source>身份证号码校验位错误：应为 {expected}，实为 {actual}</source>
        <translation>Wrong ID number check character: expected {expected}, found {actual}</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="49"/>
        <source>请输入统一社会信用代码</source>
        <translation>Enter the unified social credit code</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="50"/>
        <source>统一社会信用代码应为 18 位，实为 {length} 位</source>
        <translation>A unified social credit code has 18 characters; this one has {length}</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="51"/>
        <source>统一社会信用代码第 {position} 位为字母 {char}：代码中不使用字母 I、O、S、V、Z</source>
        <translation>Character {position} of the unified social credit code is the letter {char}: the letters I, O, S, V and Z are not used</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="54"/>
        <source>统一社会信用代码第 {position} 位含非法字符“{char}”</source>
        <translation>Character {position} of the unified social credit code (&quot;{char}&quot;) is not allowed</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="57"/>
        <source>统一社会信用代码第 1 位“{char}”不是有效的登记管理部门代码</source>
        <translation>Character 1 of the unified social credit code (&quot;{char}&quot;) is not a valid registration authority code</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="60"/>
        <source>统一社会信用代码第 2 位“{char}”不是登记管理部门“{authority}”下的机构类别代码</source>
        <translation>Character 2 of the unified social credit code (&quot;{char}&quot;) is not an organisation type of registration authority &quot;{authority}&quot;</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="63"/>
        <source>统一社会信用代码第 3–8 位应为行政区划码（数字），第 {position} 位为“{char}”</source>
        <translation>Characters 3–8 of the unified social credit code must be a region code (digits); character {position} is &quot;{char}&quot;</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/identity.py" line="66"/>
        <source>统一社会信用代码校验位错误：应为 {expected}，实为 {actual}</source>
        <translation>Wrong unified social credit code check character: expected {expected}, found {actual}</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="10"/>
        <source>开标</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="11"/>
        <source>评标</source>
        <translation>Evaluation</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="15"/>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="16"/>
        <source>签到中</source>
        <translation>Checking in</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="17"/>
        <source>开标中</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="18"/>
        <source>解密中</source>
        <translation>Decrypting</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="19"/>
        <source>唱标中</source>
        <translation>Reading out</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="20"/>
        <source>签名确认</source>
        <translation>Confirming</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="21"/>
        <source>评标中</source>
        <translation>Evaluating</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="22"/>
        <source>暂停</source>
        <translation>Paused</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="23"/>
        <source>已结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="24"/>
        <source>招标失败</source>
        <translation>Tender failed</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="28"/>
        <source>按期</source>
        <translation>On schedule</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="29"/>
        <source>已取消</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="30"/>
        <source>已延期</source>
        <translation>Postponed</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="34"/>
        <source>开标室</source>
        <translation>Opening room</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="35"/>
        <source>评标室</source>
        <translation>Evaluation room</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="39"/>
        <source>空闲</source>
        <translation>Free</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="40"/>
        <source>已预约</source>
        <translation>Reserved</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="41"/>
        <source>使用中</source>
        <translation>In session</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="42"/>
        <source>已封闭</source>
        <translation>Sealed</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="43"/>
        <source>已释放</source>
        <translation>Released</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="54"/>
        <source>离线 · 未连接中心平台</source>
        <translation>Offline · not connected to the central platform</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="55"/>
        <source>在线 · 已连接中心平台</source>
        <translation>Online · connected to the central platform</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="56"/>
        <source>在线 · 正在同步</source>
        <translation>Online · synchronising</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/labels.py" line="57"/>
        <source>离线 · 连接中心平台失败</source>
        <translation>Offline · cannot reach the central platform</translation>
    </message>
</context>
<context>
    <name>opening</name>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="103"/>
        <source>未开始</source>
        <translation>Not started</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="104"/>
        <source>签到中</source>
        <translation>Checking in</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="105"/>
        <source>开标中</source>
        <translation>Opening</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="106"/>
        <location filename="../../venue_client/services/opening_record.py" line="40"/>
        <source>解密中</source>
        <translation>Decrypting</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="107"/>
        <source>唱标中</source>
        <translation>Reading out</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="108"/>
        <source>签名确认</source>
        <translation>Confirmation</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="109"/>
        <source>已结束</source>
        <translation>Closed</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="110"/>
        <source>不予开标（重新招标）</source>
        <translation>Not opened (re-tender)</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="112"/>
        <source>开标会当前状态为“{state}”，不能{action}</source>
        <translation>The opening session is &quot;{state}&quot;; cannot {action}</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="113"/>
        <source>标段已{status}，不能开标</source>
        <translation>The section is {status}; it cannot be opened</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="114"/>
        <source>未到开标时间（{time}），不能开标</source>
        <translation>The opening time ({time}) has not been reached</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="115"/>
        <source>解密截止时间（{deadline}）前仍有 {n} 份投标文件未解密，不能结束解密</source>
        <translation>{n} bids are still not decrypted before the deadline ({deadline}); decryption cannot end yet</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="120"/>
        <source>开始签到</source>
        <translation>start check-in</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="121"/>
        <location filename="../../venue_client/domain/opening.py" line="122"/>
        <source>开标</source>
        <translation>open</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="123"/>
        <source>开始解密</source>
        <translation>start decryption</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="124"/>
        <source>结束解密</source>
        <translation>end decryption</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="125"/>
        <source>进入签名确认</source>
        <translation>go to confirmation</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="126"/>
        <source>结束开标会</source>
        <translation>close the session</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="129"/>
        <source>取消</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="130"/>
        <source>延期</source>
        <translation>postponed</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening.py" line="140"/>
        <source>继续</source>
        <translation>Continue</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening_summary.py" line="15"/>
        <source>投标报价无效：{value}</source>
        <translation>Invalid bid price: {value}</translation>
    </message>
    <message>
        <location filename="../../venue_client/domain/opening_summary.py" line="16"/>
        <source>开标一览表缺少投标报价</source>
        <translation>The opening summary has no bid price</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening.py" line="55"/>
        <source>还有 {n} 条异议未答复，不能结束开标会</source>
        <translation>{n} objections are not answered yet; the session cannot close</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_common.py" line="26"/>
        <source>找不到开标场次 {session}</source>
        <translation>Opening session {session} not found</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_common.py" line="27"/>
        <source>此人不是本场开标已签到的投标人代表</source>
        <translation>This person is not a checked-in bidder representative of this opening</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_decrypt.py" line="38"/>
        <source>当前不在解密阶段，不能解密投标文件</source>
        <translation>Decryption is not open now</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_common.py" line="28"/>
        <source>本场开标没有这份投标文件</source>
        <translation>This bid is not part of this opening</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_decrypt.py" line="39"/>
        <source>这份投标文件已解密</source>
        <translation>This bid is already decrypted</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_decrypt.py" line="40"/>
        <source>这份投标文件正在解密，请等待结果</source>
        <translation>This bid is being decrypted; wait for the result</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_decrypt.py" line="41"/>
        <source>解密时间已于 {deadline} 截止，不再接受解密</source>
        <translation>Decryption closed at {deadline}; no more attempts are accepted</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_decrypt.py" line="42"/>
        <source>使用平台备用密钥解密须经监标人批准</source>
        <translation>Decryption with the platform backup key needs a supervisor&apos;s approval</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_decrypt.py" line="43"/>
        <source>该投标人的代表未签到，不能用其 CA 锁解密</source>
        <translation>The bidder&apos;s representative has not checked in and cannot decrypt with the CA key</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_decrypt.py" line="44"/>
        <source>该投标人的代表迟到签到，按本场规则不能解密</source>
        <translation>The bidder&apos;s representative checked in late and, under this session&apos;s rules, cannot decrypt</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_decrypt.py" line="45"/>
        <source>解密已结束，本次解密结果不予采用</source>
        <translation>Decryption had closed; this result is not used</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_hearing.py" line="28"/>
        <source>开标记录尚未进入确认阶段</source>
        <translation>The opening record is not yet up for confirmation</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_hearing.py" line="29"/>
        <source>{name} 已确认过开标记录</source>
        <translation>{name} has already confirmed the opening record</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_hearing.py" line="30"/>
        <source>当前阶段不受理异议</source>
        <translation>Objections are not accepted at this stage</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_hearing.py" line="31"/>
        <source>请填写内容</source>
        <translation>Please fill in the text</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_hearing.py" line="32"/>
        <source>本场开标没有这条异议</source>
        <translation>This objection is not part of this opening</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_hearing.py" line="33"/>
        <source>这条异议已答复</source>
        <translation>This objection has already been answered</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="28"/>
        <source>密钥错误</source>
        <translation>Wrong key</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="29"/>
        <source>未提供可用密钥</source>
        <translation>No usable key</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="30"/>
        <source>投标文件密文损坏</source>
        <translation>Corrupt ciphertext</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="31"/>
        <source>投标文件与回执不符</source>
        <translation>Bid does not match its receipt</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="32"/>
        <source>解密时间已截止</source>
        <translation>Deadline passed</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="33"/>
        <source>其他原因</source>
        <translation>Other cause</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="36"/>
        <source>解密成功</source>
        <translation>Decrypted</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="37"/>
        <source>视为撤销投标文件</source>
        <translation>Treated as withdrawn</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="38"/>
        <source>视为撤回投标文件</source>
        <translation>Treated as retracted</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="39"/>
        <source>未解密</source>
        <translation>Not decrypted</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="41"/>
        <source>解密失败</source>
        <translation>Decryption failed</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="43"/>
        <source>使用平台备用密钥解密（监标人 {name} 批准）</source>
        <translation>Decrypted with the platform backup key (approved by supervisor {name})</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="44"/>
        <source>开标一览表据投标文件录入（监标人 {name} 核对）</source>
        <translation>Opening summary entered from the bid documents (checked by supervisor {name})</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="45"/>
        <source>投标人代表迟到签到</source>
        <translation>Representative checked in late</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="46"/>
        <source>{result}：{cause}</source>
        <translation>{result}: {cause}</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_record.py" line="47"/>
        <source>投标人代表未到场</source>
        <translation>Representative absent</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/bid_worker.py" line="33"/>
        <source>解密进程意外退出，本次解密未完成，请重试</source>
        <translation>The decryption process ended unexpectedly; this attempt did not finish, please retry</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_entry.py" line="17"/>
        <source>只能在解密或唱标阶段录入开标一览表</source>
        <translation>The opening summary can be entered only while decrypting or reading out the record</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_entry.py" line="18"/>
        <source>该投标文件尚未解密，不能录入</source>
        <translation>This bid has not been decrypted; nothing can be entered yet</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_entry.py" line="19"/>
        <source>该投标文件的开标一览表已随文件解密，不能改动</source>
        <translation>This bid&apos;s opening summary came with the envelope and cannot be changed</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/opening_signed.py" line="23"/>
        <source>签名后开标记录有变动，请重新签名确认</source>
        <translation>The opening record changed after it was signed; sign it again to confirm</translation>
    </message>
</context>
<context>
    <name>qrpass</name>
    <message>
        <location filename="../../venue_client/crypto/qrpass.py" line="46"/>
        <source>这不是交易平台签发的签到二维码</source>
        <translation>This is not a check-in code issued by the trading platform</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/qrpass.py" line="47"/>
        <source>签到二维码内容损坏：{detail}</source>
        <translation>The check-in code is damaged: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/qrpass.py" line="48"/>
        <source>签到二维码的签名无效或不是受信任的平台签发</source>
        <translation>The check-in code&apos;s signature is invalid or not from a trusted platform</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/qrpass.py" line="49"/>
        <source>本机未配置签到二维码的平台公钥（[checkin] qr_keys）</source>
        <translation>No platform key for check-in codes is configured on this PC ([checkin] qr_keys)</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/qrpass.py" line="50"/>
        <source>此二维码属于标段 {section}，不是本场次</source>
        <translation>This code is for section {section}, not this session</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/qrpass.py" line="51"/>
        <source>此二维码自 {start} 起有效</source>
        <translation>This code is valid from {start}</translation>
    </message>
    <message>
        <location filename="../../venue_client/crypto/qrpass.py" line="52"/>
        <source>此二维码已于 {end} 失效</source>
        <translation>This code expired at {end}</translation>
    </message>
</context>
<context>
    <name>reports</name>
    <message>
        <location filename="../../venue_client/reports/layout.py" line="50"/>
        <source>第 {page} 页 共 {pages} 页</source>
        <translation>Page {page} of {pages}</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/layout.py" line="51"/>
        <source>生成时间：{time}（北京时间）</source>
        <translation>Generated {time} (Beijing time)</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/layout.py" line="52"/>
        <source>文档编号：{id}</source>
        <translation>Document {id}</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/layout.py" line="53"/>
        <source>{y}年{m:02d}月{d:02d}日 {hh:02d}:{mm:02d}</source>
        <translation>{y}-{m:02d}-{d:02d} {hh:02d}:{mm:02d}</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="58"/>
        <source>开标签到表</source>
        <translation>Opening sign-in sheet</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="59"/>
        <source>评标专家签到表</source>
        <translation>Expert sign-in sheet</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="83"/>
        <location filename="../../venue_client/reports/signin.py" line="61"/>
        <source>项目编号</source>
        <translation>Project no.</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="82"/>
        <location filename="../../venue_client/reports/signin.py" line="62"/>
        <source>项目名称</source>
        <translation>Project</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="80"/>
        <source>开标记录表</source>
        <translation>Bid opening record</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="81"/>
        <source>（未结束，草稿）</source>
        <translation>(not closed, draft)</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="84"/>
        <location filename="../../venue_client/reports/signin.py" line="63"/>
        <source>标段（包）编号</source>
        <translation>Section no.</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="85"/>
        <location filename="../../venue_client/reports/signin.py" line="64"/>
        <source>标段（包）名称</source>
        <translation>Section</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="86"/>
        <location filename="../../venue_client/reports/signin.py" line="66"/>
        <source>开标时间</source>
        <translation>Opening time</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="87"/>
        <source>实际开始</source>
        <translation>Started</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="88"/>
        <source>开标地点</source>
        <translation>Place</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="89"/>
        <source>状态</source>
        <translation>State</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="90"/>
        <source>主持人</source>
        <translation>Host</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="91"/>
        <source>监标人</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="92"/>
        <source>招标人</source>
        <translation>Tenderer</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="93"/>
        <source>招标代理机构</source>
        <translation>Tender agency</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="94"/>
        <source>解密截止</source>
        <translation>Decryption deadline</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="95"/>
        <source>结束时间</source>
        <translation>Closed at</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="96"/>
        <source>{venue} {room}（{code}）</source>
        <translation>{venue} {room} ({code})</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="97"/>
        <source>投标文件解密及开标情况</source>
        <translation>Decryption and opening of the bids</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="98"/>
        <source>本标段没有投标人</source>
        <translation>This section has no bidders</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="99"/>
        <source>投标人少于 3 个，不予开标，依法重新招标。</source>
        <translation>Fewer than 3 bidders: no opening; the tender is repeated as the law requires.</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="100"/>
        <source>大写：{words}</source>
        <translation>In words: {words}</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="101"/>
        <source>{key}：{value}</source>
        <translation>{key}: {value}</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="102"/>
        <source>异议及答复</source>
        <translation>Objections and answers</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="103"/>
        <source>开标过程中无投标人提出异议。</source>
        <translation>No bidder raised an objection during the opening.</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="104"/>
        <source>（尚未答复）</source>
        <translation>(not answered yet)</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="105"/>
        <source>投标人代表确认</source>
        <translation>Confirmation by bidder representatives</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="106"/>
        <source>尚无投标人代表确认。</source>
        <translation>No representative has confirmed yet.</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="108"/>
        <source>屏幕确认</source>
        <translation>On screen</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="109"/>
        <source>电子签名确认</source>
        <translation>Electronic signature</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="111"/>
        <source>注：时间均为北京时间；投标报价取自投标文件中的开标一览表，大写与小写不一致时以大写为准；本表由系统根据开标现场记录生成，证件号码不予显示。</source>
        <translation>Note: all times are Beijing time; bid prices are taken from the opening summary in each bid, and where the amount in words and in figures differ the words prevail; this record is produced by the system from the opening&apos;s records, and ID numbers are not shown.</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="116"/>
        <source>本记录内容 SHA-256：{sha256}</source>
        <translation>SHA-256 of this record&apos;s content: {sha256}</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="117"/>
        <source>审计序号 {seq} · SHA-256 {short}</source>
        <translation>Audit seq {seq} · SHA-256 {short}</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="118"/>
        <source>记录 SHA-256 {short}</source>
        <translation>Record SHA-256 {short}</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="120"/>
        <source>主持人（签字）：</source>
        <translation>Host (signature):</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="121"/>
        <source>监标人（签字）：</source>
        <translation>Supervisor (signature):</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="122"/>
        <source>记录人（签字）：</source>
        <translation>Recorder (signature):</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="126"/>
        <location filename="../../venue_client/reports/opening.py" line="136"/>
        <location filename="../../venue_client/reports/opening.py" line="146"/>
        <source>投标人</source>
        <translation>Bidder</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="127"/>
        <source>投标报价</source>
        <translation>Bid price</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="128"/>
        <source>工期</source>
        <translation>Duration</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="129"/>
        <source>质量</source>
        <translation>Quality</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="130"/>
        <source>解密结果</source>
        <translation>Decryption result</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="131"/>
        <source>投标人代表</source>
        <translation>Bidder representative</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="137"/>
        <source>提出人</source>
        <translation>Raised by</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="138"/>
        <source>提出时间</source>
        <translation>Raised at</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="139"/>
        <source>异议内容</source>
        <translation>Objection</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="140"/>
        <source>答复</source>
        <translation>Answer</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="141"/>
        <source>答复人</source>
        <translation>Answered by</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="142"/>
        <source>答复时间</source>
        <translation>Answered at</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="147"/>
        <source>确认人</source>
        <translation>Confirmed by</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="148"/>
        <source>确认方式</source>
        <translation>How</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="149"/>
        <source>确认时间</source>
        <translation>Confirmed at</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="67"/>
        <source>评标时间</source>
        <translation>Evaluation time</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="70"/>
        <source>开标室</source>
        <translation>Opening room</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="71"/>
        <source>评标室</source>
        <translation>Evaluation room</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="73"/>
        <source>交易场所</source>
        <translation>Venue</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="74"/>
        <source>签到情况</source>
        <translation>Attendance</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="75"/>
        <source>应到 {expected} 人，已签到 {present} 人，其中迟到 {late} 人</source>
        <translation>Expected {expected}, checked in {present}, late {late}</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="78"/>
        <source>迟到</source>
        <translation>Late</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="79"/>
        <source>注：证件号码已作脱敏处理；签到时间为北京时间；本表由系统根据现场签到记录生成。</source>
        <translation>Note: ID numbers are masked; times are Beijing time; this sheet is generated from the check-in records.</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="83"/>
        <source>经办人（签字）：</source>
        <translation>Staff (signature):</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="84"/>
        <source>监督人（签字）：</source>
        <translation>Supervisor (signature):</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="85"/>
        <source>日期：</source>
        <translation>Date:</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="125"/>
        <location filename="../../venue_client/reports/opening.py" line="135"/>
        <location filename="../../venue_client/reports/opening.py" line="145"/>
        <location filename="../../venue_client/reports/signin.py" line="88"/>
        <source>序号</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="89"/>
        <source>单位</source>
        <translation>Company</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="90"/>
        <source>姓名</source>
        <translation>Name</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="91"/>
        <source>身份</source>
        <translation>Role</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="92"/>
        <source>证件号（脱敏）</source>
        <translation>ID number (masked)</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="93"/>
        <source>签到时间</source>
        <translation>Checked in</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="94"/>
        <source>方式</source>
        <translation>Method</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="95"/>
        <source>人脸比对</source>
        <translation>Face match</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/opening.py" line="132"/>
        <location filename="../../venue_client/reports/signin.py" line="96"/>
        <source>备注</source>
        <translation>Remarks</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="97"/>
        <source>照片</source>
        <translation>Photo</translation>
    </message>
    <message>
        <location filename="../../venue_client/reports/signin.py" line="98"/>
        <source>签名</source>
        <translation>Signature</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <location filename="../../venue_client/services/users.py" line="21"/>
        <source>开标台工作人员</source>
        <translation>Opening desk staff</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/users.py" line="22"/>
        <source>监标人</source>
        <translation>Supervisor</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/users.py" line="23"/>
        <source>评标室管理员</source>
        <translation>Room steward</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/users.py" line="24"/>
        <source>评标专家</source>
        <translation>Evaluator</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/users.py" line="25"/>
        <source>分中心管理员</source>
        <translation>Branch manager</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/users.py" line="26"/>
        <source>系统管理员</source>
        <translation>System administrator</translation>
    </message>
</context>
<context>
    <name>screenshot</name>
    <message>
        <location filename="../../venue_client/ui/screenshot.py" line="61"/>
        <source>角色 {role} 不能打开页面 {page}</source>
        <translation>Role {role} may not open page {page}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/screenshot.py" line="77"/>
        <source>页面在 30 秒内未加载完成</source>
        <translation>The page did not finish loading within 30 seconds</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/screenshot.py" line="87"/>
        <source>无法写入 {path}</source>
        <translation>Cannot write {path}</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/screenshot.py" line="94"/>
        <source>截图失败：{detail}</source>
        <translation>Screenshot failed: {detail}</translation>
    </message>
</context>
<context>
    <name>store</name>
    <message>
        <location filename="../../venue_client/store/database.py" line="34"/>
        <source>数据库文件 {path} 已损坏或不是本系统的数据库：{detail}。请从备份恢复，原文件未被改动。</source>
        <translation>The database file {path} is damaged or not a venue client database: {detail}. Restore it from a backup; the file was left unchanged.</translation>
    </message>
    <message>
        <location filename="../../venue_client/store/database.py" line="38"/>
        <source>数据库 {path} 正被其他程序锁定，请关闭其他程序后重试。</source>
        <translation>The database {path} is locked by another program. Close that program and try again.</translation>
    </message>
    <message>
        <location filename="../../venue_client/store/database.py" line="39"/>
        <source>无法写入数据目录 {path}：{detail}</source>
        <translation>Cannot write to the data directory {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/store/database.py" line="40"/>
        <source>无法连接数据库 {url}：{detail}</source>
        <translation>Cannot connect to the database {url}: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/store/database.py" line="41"/>
        <source>数据库 {path} 由更新版本的程序创建（版本 {revision}），请升级本程序。</source>
        <translation>The database {path} was created by a newer version of this program (revision {revision}). Upgrade the program.</translation>
    </message>
</context>
<context>
    <name>sync</name>
    <message>
        <location filename="../../venue_client/sync/alarms.py" line="30"/>
        <source>幂等键被重复使用但内容不同（客户端缺陷或数据被篡改）</source>
        <translation>An idempotency key was reused with different content (a client bug or tampering)</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/alarms.py" line="31"/>
        <source>交易平台发现本地审计日志被改写</source>
        <translation>The platform found that the local audit log was rewritten</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/alarms.py" line="32"/>
        <source>交易平台记录的事件多于本地发件箱</source>
        <translation>The platform holds more events than the local outbox</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/alarms.py" line="33"/>
        <source>投标文件下载后的哈希与回执不符（疑似篡改）</source>
        <translation>A downloaded bid does not match its receipt (possible tampering)</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/alarms.py" line="34"/>
        <source>文件多次上传校验失败</source>
        <translation>A file failed its checksum on upload several times</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/alarms.py" line="51"/>
        <source>同步告警</source>
        <translation>Sync alarm</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="23"/>
        <source>与交易平台同步</source>
        <translation>Sync with the central platform</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="24"/>
        <source>运行同步（默认持续运行，Ctrl+C 停止）</source>
        <translation>Run sync (keeps running by default; Ctrl+C stops)</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="25"/>
        <source>只同步一轮后退出</source>
        <translation>Sync one round and exit</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="26"/>
        <source>显示同步状态、发件箱与告警</source>
        <translation>Show sync state, outbox and alarms</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="27"/>
        <source>以 JSON 输出</source>
        <translation>Output as JSON</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="28"/>
        <source>分中心管理员确认同步告警（密码在提示时输入）</source>
        <translation>A branch manager acknowledges a sync alarm (password asked at the prompt)</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="29"/>
        <source>告警编号（见 sync status）</source>
        <translation>Alarm id (see sync status)</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="30"/>
        <source>分中心管理员登录名</source>
        <translation>Branch manager&apos;s username</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="31"/>
        <source>处理说明</source>
        <translation>What was done</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="32"/>
        <source>同步完成：已确认至第 {acked} 条事件，待发送 {pending} 条</source>
        <translation>Sync done: acknowledged through event {acked}, {pending} waiting</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="33"/>
        <source>交易平台不可达，稍后重试：{error}</source>
        <translation>The platform is unreachable; will retry: {error}</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="34"/>
        <source>同步未完成：{error}</source>
        <translation>Sync not completed: {error}</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="35"/>
        <source>另一工作站正在同步，本机只校准了时钟</source>
        <translation>Another workstation is syncing; this one only measured the clock</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="36"/>
        <source>平台：{online}；上次成功：{last}；待发送 {pending} 条，被拒绝 {rejected} 条，已确认至第 {acked} 条；待处理日程变更 {changes} 项；待上传 {uploads} 个文件</source>
        <translation>Platform: {online}; last success: {last}; {pending} waiting, {rejected} rejected, acknowledged through {acked}; {changes} schedule changes to review; {uploads} files to upload</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="41"/>
        <source>时钟偏差：{skew} 秒（允许 {tolerance} 秒）</source>
        <translation>Clock skew: {skew} s (allowed {tolerance} s)</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="42"/>
        <source>告警 #{id}（{blocking}）：{label} {subject}</source>
        <translation>Alarm #{id} ({blocking}): {label} {subject}</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="43"/>
        <source>被拒绝的事件 #{seq}（{type}）：{error}</source>
        <translation>Rejected event #{seq} ({type}): {error}</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="44"/>
        <source>告警 #{id} 已由 {user} 确认</source>
        <translation>Alarm #{id} acknowledged by {user}</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="45"/>
        <source>在线</source>
        <translation>online</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="46"/>
        <source>离线</source>
        <translation>offline</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="47"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="48"/>
        <source>同步已停止</source>
        <translation>sync stopped</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/commands.py" line="49"/>
        <source>需查看</source>
        <translation>to review</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="7"/>
        <source>未配置交易平台接口地址（central.url），无法同步</source>
        <translation>No platform address configured (central.url); cannot sync</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="8"/>
        <source>未配置工作站令牌（central.token 或 central.token_file），无法同步</source>
        <translation>No workstation token configured (central.token or central.token_file); cannot sync</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="11"/>
        <source>令牌文件 {path} 的权限为 {mode}，其他账户可读；请执行 chmod 600 {path} 后重试</source>
        <translation>Token file {path} has mode {mode} and other accounts can read it; run chmod 600 {path} and retry</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="14"/>
        <source>无法读取令牌文件 {path}：{detail}</source>
        <translation>Cannot read the token file {path}: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="15"/>
        <source>交易平台拒绝了本工作站的令牌（令牌错误或已吊销）</source>
        <translation>The platform refused this workstation&apos;s token (wrong or revoked)</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="16"/>
        <source>无法连接交易平台：{detail}</source>
        <translation>Cannot reach the platform: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="17"/>
        <source>交易平台暂时无法处理请求（{status}）：{detail}</source>
        <translation>The platform cannot handle the request now ({status}): {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="18"/>
        <source>交易平台拒绝了请求（{status} {code}）：{detail}</source>
        <translation>The platform refused the request ({status} {code}): {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="19"/>
        <source>交易平台的应答无法识别：{detail}</source>
        <translation>Unrecognised answer from the platform: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="20"/>
        <source>本数据库的事件已以工作站 {bound} 的身份上报，不能改用 {configured}；请检查 central.workstation_id</source>
        <translation>This database&apos;s events were reported as workstation {bound} and cannot switch to {configured}; check central.workstation_id</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="25"/>
        <source>同步已停止：有 {count} 个严重告警等待分中心管理员确认</source>
        <translation>Sync stopped: {count} serious alarms wait for a branch manager</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="26"/>
        <source>只有分中心管理员可以确认同步告警</source>
        <translation>Only a branch manager can acknowledge sync alarms</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="27"/>
        <source>没有编号为 {id} 的同步告警</source>
        <translation>No sync alarm with id {id}</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="28"/>
        <source>没有编号为 {id} 的待处理日程变更</source>
        <translation>No pending schedule change with id {id}</translation>
    </message>
    <message>
        <location filename="../../venue_client/sync/errors.py" line="29"/>
        <source>本机时钟与交易平台相差 {skew} 秒，超过允许的 {tolerance} 秒，请先校准时钟</source>
        <translation>This PC&apos;s clock is {skew} s off the platform&apos;s, more than the {tolerance} s allowed; correct the clock first</translation>
    </message>
</context>
<context>
    <name>sync_ui</name>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="10"/>
        <source>幂等键冲突</source>
        <translation>Idempotency key conflict</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="11"/>
        <source>审计日志被改写</source>
        <translation>Audit log rewritten</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="12"/>
        <source>平台事件多于本地</source>
        <translation>Platform ahead of the outbox</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="13"/>
        <source>投标文件哈希不符</source>
        <translation>Bid hash mismatch</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="14"/>
        <source>上传校验失败</source>
        <translation>Upload checksum failure</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="16"/>
        <location filename="../../venue_client/ui/sync/wiring.py" line="44"/>
        <source>同步告警</source>
        <translation>Sync alarm</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="18"/>
        <source>是（同步已停止）</source>
        <translation>Yes (sync stopped)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="19"/>
        <source>否</source>
        <translation>No</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="21"/>
        <source>未配置中心平台</source>
        <translation>No central platform configured</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="22"/>
        <source>从未</source>
        <translation>never</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="25"/>
        <source>同步成功</source>
        <translation>Synced</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="26"/>
        <source>离线</source>
        <translation>Offline</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="27"/>
        <source>已停止（待确认告警）</source>
        <translation>Stopped (alarm to acknowledge)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="28"/>
        <source>仅校准时钟（另一工作站负责同步）</source>
        <translation>Clock only (another workstation syncs)</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="29"/>
        <source>未完成</source>
        <translation>Not completed</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="30"/>
        <source>同步一轮</source>
        <translation>Sync pass</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="31"/>
        <source>连接中心平台</source>
        <translation>Connected to the platform</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="32"/>
        <source>与中心平台断开</source>
        <translation>Disconnected from the platform</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="33"/>
        <source>发生告警</source>
        <translation>Alarm raised</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="34"/>
        <source>告警已确认</source>
        <translation>Alarm acknowledged</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="35"/>
        <source>事件被平台拒绝</source>
        <translation>Event rejected by the platform</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="36"/>
        <source>收到待处理的日程变更</source>
        <translation>Schedule change held for review</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="37"/>
        <source>投标文件下载完成</source>
        <translation>Bid downloaded</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="38"/>
        <source>文件上传完成</source>
        <translation>File uploaded</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="41"/>
        <source>等待上传</source>
        <translation>Queued</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="42"/>
        <source>已上传</source>
        <translation>Uploaded</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/texts.py" line="43"/>
        <source>上传失败</source>
        <translation>Upload failed</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/wiring.py" line="46"/>
        <source>有未确认的同步告警。</source>
        <translation>There are unacknowledged sync alarms.</translation>
    </message>
    <message>
        <location filename="../../venue_client/ui/sync/wiring.py" line="50"/>
        <source>请联系分中心管理员在“同步”页面查看并确认。</source>
        <translation>Ask the branch manager to review and acknowledge them on the Sync page.</translation>
    </message>
</context>
<context>
    <name>users</name>
    <message>
        <location filename="../../venue_client/services/users.py" line="29"/>
        <source>用户名或密码错误，还可尝试 {left} 次</source>
        <translation>Wrong username or password; {left} attempts left</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/users.py" line="30"/>
        <source>账号已锁定，请于 {until} 后重试或联系管理员</source>
        <translation>The account is locked. Try again after {until} or contact the administrator</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/users.py" line="31"/>
        <source>账号已停用，请联系管理员</source>
        <translation>The account is disabled. Contact the administrator</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/users.py" line="32"/>
        <source>用户名须为 3–32 位字母、数字、点、下划线或连字符</source>
        <translation>A username has 3–32 letters, digits, dots, underscores or hyphens</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/users.py" line="33"/>
        <source>用户名 {username} 已存在</source>
        <translation>Username {username} already exists</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/users.py" line="34"/>
        <source>密码至少 10 位，且须同时包含字母和数字</source>
        <translation>A password needs at least 10 characters, with both letters and digits</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/users.py" line="35"/>
        <source>用户 {username} 不存在</source>
        <translation>User {username} does not exist</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/users.py" line="36"/>
        <source>请填写姓名</source>
        <translation>Enter the full name</translation>
    </message>
</context>
<context>
    <name>vault</name>
    <message>
        <location filename="../../venue_client/services/vault.py" line="20"/>
        <source>个人数据密钥文件 {path} 无效：{detail}</source>
        <translation>Personal data key file {path} is invalid: {detail}</translation>
    </message>
    <message>
        <location filename="../../venue_client/services/vault.py" line="21"/>
        <source>个人数据无法解密（密钥不符或数据被篡改）：记录 {id}</source>
        <translation>Personal data cannot be decrypted (wrong key or tampered data): record {id}</translation>
    </message>
</context>
</TS>
