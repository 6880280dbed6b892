<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>ActionDialog</name>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消（Esc）</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>AdjustDialog</name>
    <message>
        <source>Adjust commission for {year}-{month:02d}</source>
        <translation>调整 {year}-{month:02d} 的提成</translation>
    </message>
    <message>
        <source>e.g. 50 or -12.50</source>
        <translation>例如 50 或 -12.50</translation>
    </message>
    <message>
        <source>Whose commission:</source>
        <translation>技师：</translation>
    </message>
    <message>
        <source>Why (shown on the sheet):</source>
        <translation>原因（显示在提成表上）：</translation>
    </message>
    <message>
        <source>Amount (¥, minus to take off):</source>
        <translation>金额（元，负数为扣减）：</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Daily backup failed: {problem}</source>
        <translation>每日备份失败：{problem}</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>意外错误</translation>
    </message>
    <message>
        <source>Something unexpected went wrong: {error}

Nothing was saved by this step. If it happens again, tell your support person.</source>
        <translation>出现了意外错误：{error}

这一步没有保存任何内容。如果再次出现，请联系技术支持。</translation>
    </message>
</context>
<context>
    <name>AppointmentsPage</name>
    <message>
        <source>◀ Day before (PgUp)</source>
        <translation>◀ 前一天 (PgUp)</translation>
    </message>
    <message>
        <source>Day after (PgDn) ▶</source>
        <translation>后一天 (PgDn) ▶</translation>
    </message>
    <message>
        <source>Today (T)</source>
        <translation>今天 (T)</translation>
    </message>
    <message>
        <source>Find booking (F)</source>
        <translation>查找预约 (F)</translation>
    </message>
    <message>
        <source>Tomorrow&apos;s reminders (R)</source>
        <translation>明日提醒 (R)</translation>
    </message>
    <message>
        <source>Enter: check in / book · N: book · Ctrl+arrows: move · Shift+↑↓: length · Delete: cancel · X: no-show · PgUp/PgDn: days · T: today</source>
        <translation>Enter：到店登记 / 预约 · N：新预约 · Ctrl+方向键：挪动 · Shift+↑↓：时长 · Delete：取消 · X：爽约 · PgUp/PgDn：翻天 · T：今天</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>周一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>周二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>周三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>周四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>周五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>周六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>周日</translation>
    </message>
    <message>
        <source> (today)</source>
        <translation>（今天）</translation>
    </message>
    <message>
        <source>{weekday} {month}/{day}: {count}</source>
        <translation>{weekday} {month}/{day}：{count} 个</translation>
    </message>
    <message>
        <source>Cancel booking</source>
        <translation>取消预约</translation>
    </message>
    <message>
        <source>Reason for cancelling:</source>
        <translation>取消原因：</translation>
    </message>
    <message>
        <source>Find a customer&apos;s booking</source>
        <translation>查找客户的预约</translation>
    </message>
    <message>
        <source>{name} has no booking today.</source>
        <translation>{name} 今天没有预约。</translation>
    </message>
    <message>
        <source>{name} booked {time}: {services}. Check in from the booking?</source>
        <translation>{name} 预约了今天 {time}：{services}。按预约登记到店？</translation>
    </message>
    <message>
        <source>Booked for today</source>
        <translation>今日有预约</translation>
    </message>
</context>
<context>
    <name>AssistantPicker</name>
    <message>
        <source>No assistant</source>
        <translation>不加助理</translation>
    </message>
    <message>
        <source>Assistant (30%)</source>
        <translation>助理（分成 30%）</translation>
    </message>
    <message>
        <source>Assistant on this line:</source>
        <translation>本项目的助理：</translation>
    </message>
</context>
<context>
    <name>BandsDialog</name>
    <message>
        <source>Fixed bands</source>
        <translation>自定分段</translation>
    </message>
    <message>
        <source>Score 3 from the top value, 2 from the middle one; for R (days since the last visit) fewer days score higher.</source>
        <translation>达到上限值得 3 分，达到中间值得 2 分；R（距上次消费天数）天数越少得分越高。</translation>
    </message>
    <message>
        <source>R: days since the last paid visit</source>
        <translation>R：距上次消费天数</translation>
    </message>
    <message>
        <source>days</source>
        <translation>天</translation>
    </message>
    <message>
        <source>F: paid visits in 12 months</source>
        <translation>F：近12个月到店次数</translation>
    </message>
    <message>
        <source>visits</source>
        <translation>次</translation>
    </message>
    <message>
        <source>M: paid in 12 months</source>
        <translation>M：近12个月消费金额</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>fixed</source>
        <translation>自定</translation>
    </message>
    <message>
        <source>3 points:</source>
        <translation>3 分：</translation>
    </message>
    <message>
        <source>2 points:</source>
        <translation>2 分：</translation>
    </message>
</context>
<context>
    <name>BookingDialog</name>
    <message>
        <source>New booking</source>
        <translation>新预约</translation>
    </message>
    <message>
        <source>Phone tail, phone, name or pinyin initials:</source>
        <translation>手机尾号、手机号、姓名或拼音首字母：</translation>
    </message>
    <message>
        <source>No customer chosen: a newcomer&apos;s name and phone below.</source>
        <translation>未选择客户：新客请在下方填写姓名和手机号。</translation>
    </message>
    <message>
        <source>Newcomer&apos;s name</source>
        <translation>新客姓名</translation>
    </message>
    <message>
        <source>Newcomer&apos;s phone</source>
        <translation>新客手机号</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Asked for this technician (指定)</source>
        <translation>客户指定该技师（指定）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>开始时间</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Book (Ctrl+Enter)</source>
        <translation>预约 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Customer: {name}</source>
        <translation>客户：{name}</translation>
    </message>
</context>
<context>
    <name>CardActions</name>
    <message>
        <source>Balance {total} (principal {principal} + bonus {bonus})</source>
        <translation>余额 {total}（本金 {principal} + 赠送 {bonus}）</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>不限期</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Expiring soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Expired (sessions kept)</source>
        <translation>已过期（次数保留）</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结清</translation>
    </message>
    <message>
        <source>Within 7 days: the price paid less the sessions used (Art. 14)</source>
        <translation>七日内：退还实付减已用次数（第十四条）</translation>
    </message>
    <message>
        <source>The shop at fault: used at the price charged, plus interest (Art. 18)</source>
        <translation>经营者原因：已用部分按实际收费计算，另付利息（第十八条）</translation>
    </message>
    <message>
        <source>The customer&apos;s choice: used at list price, plus interest (Art. 19)</source>
        <translation>消费者原因：已用部分按标价计算，另付利息（第十九条）</translation>
    </message>
</context>
<context>
    <name>CardPanel</name>
    <message>
        <source>Package</source>
        <translation>次卡</translation>
    </message>
    <message>
        <source>Sessions left</source>
        <translation>剩余次数</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>有效期至</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Statement… (Ctrl+P)</source>
        <translation>对账单…（Ctrl+P）</translation>
    </message>
    <message>
        <source>Reissue a lost card… (Ctrl+R)</source>
        <translation>挂失补卡…（Ctrl+R）</translation>
    </message>
    <message>
        <source>Transfer the balance… (Ctrl+T)</source>
        <translation>余额转让…（Ctrl+T）</translation>
    </message>
    <message>
        <source>Refund the balance… (Ctrl+B)</source>
        <translation>余额退款…（Ctrl+B）</translation>
    </message>
    <message>
        <source>Extend the package… (Ctrl+E)</source>
        <translation>次卡延期…（Ctrl+E）</translation>
    </message>
    <message>
        <source>Refund the package… (Ctrl+D)</source>
        <translation>次卡退款…（Ctrl+D）</translation>
    </message>
    <message>
        <source>Packages:</source>
        <translation>次卡：</translation>
    </message>
    <message>
        <source>No card yet: the first top-up (F7 at the counter) issues one.</source>
        <translation>尚未办卡：首次充值（收银台 F7）时发卡。</translation>
    </message>
    <message>
        <source>not signed</source>
        <translation>未签</translation>
    </message>
    <message>
        <source>Card {number} · {balance} · terms signed: {terms}</source>
        <translation>卡号 {number} · {balance} · 已签章程：{terms}</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>对账单</translation>
    </message>
    <message>
        <source>Reissue a lost card</source>
        <translation>挂失补卡</translation>
    </message>
    <message>
        <source>New card {new} issued; card {old} no longer works. {balance}</source>
        <translation>新卡 {new} 已发出；原卡 {old} 已停用。{balance}</translation>
    </message>
    <message>
        <source>Transfer the card balance</source>
        <translation>储值卡余额转让</translation>
    </message>
    <message>
        <source>Transferred. The receiving card now holds: {balance}</source>
        <translation>已转出。接收方卡内现有：{balance}</translation>
    </message>
    <message>
        <source>Refund statement</source>
        <translation>退款结算单</translation>
    </message>
    <message>
        <source>Extend a package</source>
        <translation>次卡延期</translation>
    </message>
    <message>
        <source>{package} is now valid until {until}.</source>
        <translation>{package}的有效期已延至 {until}。</translation>
    </message>
</context>
<context>
    <name>CardRefundDialog</name>
    <message>
        <source>Refund the card balance</source>
        <translation>储值卡退款</translation>
    </message>
    <message>
        <source>Within 7 days: the principal back (Art. 14)</source>
        <translation>七日内：退还本金（第十四条）</translation>
    </message>
    <message>
        <source>The shop at fault: used at the price charged, plus interest (Art. 18)</source>
        <translation>经营者原因：已消费按实际扣减折算，另付利息（第十八条）</translation>
    </message>
    <message>
        <source>The customer&apos;s choice: used at list price, plus interest (Art. 19)</source>
        <translation>消费者自身原因：已消费按标价计算，另付利息（第十九条）</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>退款方式：</translation>
    </message>
    <message>
        <source>Interest, % a year:</source>
        <translation>年利率（%）：</translation>
    </message>
    <message>
        <source>Paid back by:</source>
        <translation>退款途径：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Refund {refund} + interest {interest} = {total}; bonus written off {bonus}</source>
        <translation>应退 {refund} + 利息 {interest} = {total}；核销赠送金 {bonus}</translation>
    </message>
</context>
<context>
    <name>CareLabels</name>
    <message>
        <source>Visit follow-up</source>
        <translation>服务回访</translation>
    </message>
    <message>
        <source>Product check</source>
        <translation>产品回访</translation>
    </message>
    <message>
        <source>Not seen for a while</source>
        <translation>服务预警</translation>
    </message>
    <message>
        <source>Birthday greeting</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <source>Complaint call</source>
        <translation>投诉回访</translation>
    </message>
    <message>
        <source>Complaint satisfaction call</source>
        <translation>投诉处理满意度回访</translation>
    </message>
    <message>
        <source>Due for their usual service</source>
        <translation>护理周期提醒</translation>
    </message>
    <message>
        <source>Package expiring</source>
        <translation>次卡到期提醒</translation>
    </message>
    <message>
        <source>Reached</source>
        <translation>已联系上</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>无人接听</translation>
    </message>
    <message>
        <source>Wrong number</source>
        <translation>号码错误</translation>
    </message>
    <message>
        <source>Declined</source>
        <translation>客户拒绝</translation>
    </message>
    <message>
        <source>Settled (extended or refunded)</source>
        <translation>已办理（延期或退款）</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>技术水平</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>服务环境</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>In the shop</source>
        <translation>到店</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>Online review</source>
        <translation>网络点评</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Free redo</source>
        <translation>免费重做</translation>
    </message>
    <message>
        <source>Free upgrade</source>
        <translation>免费升级</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>赠品</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分补偿</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>道歉</translation>
    </message>
    <message>
        <source>Key customers</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>Potential customers</source>
        <translation>潜力客户</translation>
    </message>
    <message>
        <source>Stable customers</source>
        <translation>稳定客户</translation>
    </message>
    <message>
        <source>At-risk customers</source>
        <translation>风险客户</translation>
    </message>
    <message>
        <source>not yet due</source>
        <translation>未到时限</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>on time</source>
        <translation>按时</translation>
    </message>
    <message>
        <source>late</source>
        <translation>超时</translation>
    </message>
</context>
<context>
    <name>CarePage</name>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>Also show tasks due later</source>
        <translation>同时显示以后到期的任务</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Assigned to</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>New complaint… (Ctrl+N)</source>
        <translation>登记投诉…（Ctrl+N）</translation>
    </message>
    <message>
        <source>Copy message ({key})</source>
        <translation>复制话术（{key}）</translation>
    </message>
    <message>
        <source>What the customer said (optional)</source>
        <translation>客户的反馈（可不填）</translation>
    </message>
    <message>
        <source>Close the task (Ctrl+Enter)</source>
        <translation>完成回访（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>Scores 1–5, one digit each; only when the customer was reached.</source>
        <translation>每项评分 1–5，各按一个数字；只在联系上客户时填写。</translation>
    </message>
    <message>
        <source>Reassign</source>
        <translation>转交</translation>
    </message>
    <message>
        <source>{key} chooses, ↑/↓ picks, Enter hands the task over</source>
        <translation>{key} 选择转交对象，↑/↓ 挑人，Enter 转交</translation>
    </message>
    <message>
        <source>Assigned to:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>Type:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Open complaints</source>
        <translation>未结投诉</translation>
    </message>
    <message>
        <source>Close the task</source>
        <translation>完成回访</translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation>结果：</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>技术水平</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>服务环境</translation>
    </message>
    <message>
        <source>Scores:</source>
        <translation>评分：</translation>
    </message>
    <message>
        <source>Comment:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Message to send (WeChat / SMS):</source>
        <translation>发送的话术（微信 / 短信）：</translation>
    </message>
    <message>
        <source>Reassign to ({key}):</source>
        <translation>转交给（{key}）：</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Me</source>
        <translation>我</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>（未分配）</translation>
    </message>
    <message>
        <source>{count} tasks to do, {overdue} overdue</source>
        <translation>待回访 {count} 条，其中逾期 {overdue} 条</translation>
    </message>
    <message>
        <source>{when} — overdue</source>
        <translation>{when} — 已逾期</translation>
    </message>
    <message>
        <source>OVERDUE</source>
        <translation>已超时</translation>
    </message>
    <message>
        <source>answered late</source>
        <translation>回应超时</translation>
    </message>
    <message>
        <source>answer by {when}</source>
        <translation>须在 {when} 前回应</translation>
    </message>
    <message>
        <source>resolve by {when}</source>
        <translation>须在 {when} 前解决</translation>
    </message>
    <message>
        <source>Nothing to do here. Choose a task on the left.</source>
        <translation>暂无任务。请在左侧选择一条回访任务。</translation>
    </message>
    <message>
        <source>{type}, due {when}</source>
        <translation>{type}，到期 {when}</translation>
    </message>
    <message>
        <source> — overdue</source>
        <translation> — 已逾期</translation>
    </message>
    <message>
        <source>Last visit {when}: {what}</source>
        <translation>上次到店 {when}：{what}</translation>
    </message>
    <message>
        <source>No paid visit yet</source>
        <translation>尚无消费记录</translation>
    </message>
    <message>
        <source>Preferences: {text}</source>
        <translation>偏好：{text}</translation>
    </message>
    <message>
        <source>Open complaint ({category}, received {when})</source>
        <translation>未结投诉（{category}，{when} 收到）</translation>
    </message>
    <message>
        <source>Copied — paste it into WeChat or an SMS.</source>
        <translation>已复制，可粘贴到微信或短信。</translation>
    </message>
    <message>
        <source>Closed: {outcome}</source>
        <translation>已完成：{outcome}</translation>
    </message>
    <message>
        <source>Already assigned to {name}.</source>
        <translation>已经由{name}负责。</translation>
    </message>
    <message>
        <source>Reassigned to {name}.</source>
        <translation>已转交给{name}。</translation>
    </message>
</context>
<context>
    <name>CatalogueModel</name>
    <message>
        <source>Code</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Item name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>时长(分钟)</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Discount applies</source>
        <translation>会员打折</translation>
    </message>
    <message>
        <source> (low)</source>
        <translation>（不足）</translation>
    </message>
</context>
<context>
    <name>CataloguePage</name>
    <message>
        <source>Services and products</source>
        <translation>服务项目与产品</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Gifts for points</source>
        <translation>积分兑换礼品</translation>
    </message>
</context>
<context>
    <name>CheckoutDialog</name>
    <message>
        <source>Check out</source>
        <translation>结账</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>Stored-value card {total} (principal {principal} + bonus {bonus})</source>
        <translation>储值卡 {total}（本金 {principal} + 赠送 {bonus}）</translation>
    </message>
    <message>
        <source>{name}: {left} sessions left</source>
        <translation>{name}：剩余 {left} 次</translation>
    </message>
    <message>
        <source>Birthday free service (F10):</source>
        <translation>生日免费项目（F10）：</translation>
    </message>
    <message>
        <source>Use the most</source>
        <translation>用到上限</translation>
    </message>
    <message>
        <source>Points to redeem:</source>
        <translation>积分抵扣：</translation>
    </message>
    <message>
        <source>Remove payment</source>
        <translation>删除付款</translation>
    </message>
    <message>
        <source>Confirm payment</source>
        <translation>确认收款</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>balance {balance}, at most {most} on this sale</source>
        <translation>余额 {balance} 分，本单最多可用 {most} 分</translation>
    </message>
    <message>
        <source>Due {amount}</source>
        <translation>应付 {amount}</translation>
    </message>
    <message>
        <source>Not used</source>
        <translation>不使用</translation>
    </message>
    <message>
        <source>{name} ({price})</source>
        <translation>{name}（{price}）</translation>
    </message>
    <message>
        <source>List total</source>
        <translation>标价合计</translation>
    </message>
    <message>
        <source>Package sessions</source>
        <translation>次卡抵扣</translation>
    </message>
    <message>
        <source>Member discount</source>
        <translation>会员折扣</translation>
    </message>
    <message>
        <source>Birthday free service</source>
        <translation>生日优惠</translation>
    </message>
    <message>
        <source>Points ({points})</source>
        <translation>积分抵扣（{points}分）</translation>
    </message>
    <message>
        <source>From the card</source>
        <translation>储值卡扣款</translation>
    </message>
    <message>
        <source>principal {principal} + bonus {bonus}</source>
        <translation>本金 {principal} + 赠送 {bonus}</translation>
    </message>
    <message>
        <source>Points earned (doubled for the birthday)</source>
        <translation>本次积分（生日双倍）</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>本次积分</translation>
    </message>
    <message>
        <source>Correct the error below before taking payment</source>
        <translation>请先改正下面的错误再收款</translation>
    </message>
    <message>
        <source>Payments do not add up</source>
        <translation>付款有误，请核对</translation>
    </message>
    <message>
        <source>Still to pay {amount}</source>
        <translation>还需收 {amount}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <source>Paid in full</source>
        <translation>已收齐</translation>
    </message>
</context>
<context>
    <name>Commission</name>
    <message>
        <source>Service</source>
        <translation>服务</translation>
    </message>
    <message>
        <source>Product sale</source>
        <translation>产品销售</translation>
    </message>
    <message>
        <source>Card / package sale</source>
        <translation>储值卡 / 次卡销售</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>主理</translation>
    </message>
    <message>
        <source>Assistant</source>
        <translation>助理</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
    <message>
        <source>Stored-value top-up</source>
        <translation>储值卡充值</translation>
    </message>
    <message>
        <source>no one (no card-sale commission)</source>
        <translation>无（不计卡项提成）</translation>
    </message>
</context>
<context>
    <name>CommissionPage</name>
    <message>
        <source>Monthly sheet</source>
        <translation>月度提成表</translation>
    </message>
    <message>
        <source>Rules and levels</source>
        <translation>提成规则与技师级别</translation>
    </message>
</context>
<context>
    <name>CommissionSettings</name>
    <message>
        <source>Day&apos;s close and commission</source>
        <translation>交班日结与提成</translation>
    </message>
    <message>
        <source>Refuse sales while no shift is open (open one with its float first)</source>
        <translation>未开班时不允许收银（请先开班并清点备用金）</translation>
    </message>
    <message>
        <source>A close further out than this needs the owner</source>
        <translation>交班差额超过此数须店长授权</translation>
    </message>
    <message>
        <source>Service category</source>
        <translation>服务类别</translation>
    </message>
    <message>
        <source>Lead (主理)</source>
        <translation>主理</translation>
    </message>
    <message>
        <source>Assistant (助理)</source>
        <translation>助理</translation>
    </message>
    <message>
        <source>Shares when an assistant is added (A at the counter):</source>
        <translation>添加助理时的默认分成（收银台按 A）：</translation>
    </message>
    <message>
        <source>Shares when an assistant is added</source>
        <translation>添加助理时的默认分成</translation>
    </message>
    <message>
        <source>Commission rules and technician levels are set under Commission → Rules and levels. The most specific rule in force on the sale&apos;s day pays: a staff member&apos;s special rule &gt; level × category &gt; category &gt; level &gt; the default rule.</source>
        <translation>提成规则与技师级别在“提成 → 提成规则与技师级别”中设置。以销售当天有效、最具体的规则计提：员工个人特殊规则 &gt; 级别 × 类别 &gt; 类别 &gt; 级别 &gt; 默认规则。</translation>
    </message>
</context>
<context>
    <name>ComplaintDialog</name>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Choose customer…</source>
        <translation>选择客户…</translation>
    </message>
    <message>
        <source>Customer:</source>
        <translation>客户：</translation>
    </message>
    <message>
        <source>Visit concerned:</source>
        <translation>相关的到店：</translation>
    </message>
    <message>
        <source>Service concerned:</source>
        <translation>相关项目：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Received by:</source>
        <translation>渠道：</translation>
    </message>
    <message>
        <source>Received at:</source>
        <translation>收到时间：</translation>
    </message>
    <message>
        <source>Handled by:</source>
        <translation>负责人：</translation>
    </message>
    <message>
        <source>What happened:</source>
        <translation>投诉内容：</translation>
    </message>
    <message>
        <source>The first response is due {hours} hours after the complaint is received, and the resolution {resolve} hours after — clock hours, nights and closed days included.</source>
        <translation>首次回应时限为收到投诉后 {hours} 小时，解决时限为 {resolve} 小时——按钟点计算，夜间和休息日都算在内。</translation>
    </message>
    <message>
        <source>Record a complaint</source>
        <translation>登记投诉</translation>
    </message>
    <message>
        <source>(no particular visit)</source>
        <translation>（不针对某次到店）</translation>
    </message>
    <message>
        <source>(choose the customer)</source>
        <translation>（请选择客户）</translation>
    </message>
    <message>
        <source>(the whole visit)</source>
        <translation>（整次到店）</translation>
    </message>
    <message>
        <source>Who is complaining?</source>
        <translation>投诉的客户是谁？</translation>
    </message>
    <message>
        <source>Choose the customer first.</source>
        <translation>请先选择客户。</translation>
    </message>
    <message>
        <source>Handle it</source>
        <translation>处理</translation>
    </message>
    <message>
        <source>What was said or done</source>
        <translation>沟通内容或处理情况</translation>
    </message>
    <message>
        <source>First response</source>
        <translation>首次回应</translation>
    </message>
    <message>
        <source>Add to the log</source>
        <translation>记入处理记录</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>处理进度：</translation>
    </message>
    <message>
        <source>Which gift or upgrade; a note</source>
        <translation>赠品或升级内容；备注</translation>
    </message>
    <message>
        <source>Owner&apos;s login</source>
        <translation>店长账号</translation>
    </message>
    <message>
        <source>Owner&apos;s password (refund, points)</source>
        <translation>店长密码（退款、积分）</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>积分：</translation>
    </message>
    <message>
        <source>Remedy:</source>
        <translation>补救措施：</translation>
    </message>
    <message>
        <source>{label} [Alt+{n}]:</source>
        <translation>{label} [Alt+{n}]：</translation>
    </message>
    <message>
        <source>Keys: Alt+1 … Alt+8 go to the numbered fields, ↑/↓ choose in a list, Ctrl+Enter records the complaint, Esc closes.</source>
        <translation>快捷键：Alt+1 … Alt+8 跳到对应编号的栏目，↑/↓ 在列表中选择，Ctrl+Enter 登记投诉，Esc 关闭。</translation>
    </message>
    <message>
        <source>Keys: Alt+1 … Alt+7 go to the numbered fields, ↑/↓ choose the remedy; Ctrl+Enter saves where the cursor is (the note: first response, then the log; a remedy field: gives the remedy; the resolution: resolves). Esc closes.</source>
        <translation>快捷键：Alt+1 … Alt+7 跳到对应编号的栏目，↑/↓ 选择补救措施；Ctrl+Enter 保存光标所在的部分（进度栏：先记首次回复，之后记入进度；补救栏：执行补救；处理结果栏：结案）。Esc 关闭。</translation>
    </message>
    <message>
        <source>Record the complaint (Ctrl+Enter)</source>
        <translation>登记投诉（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>What exactly:</source>
        <translation>具体内容：</translation>
    </message>
    <message>
        <source>Owner&apos;s approval [Alt+{login}, Alt+{password}]:</source>
        <translation>店长授权 [Alt+{login}、Alt+{password}]：</translation>
    </message>
    <message>
        <source>Give the remedy</source>
        <translation>执行补救</translation>
    </message>
    <message>
        <source>How it was settled</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>处理结果：</translation>
    </message>
    <message>
        <source>Complaint #{id}: {name} — {category}</source>
        <translation>投诉 #{id}：{name} — {category}</translation>
    </message>
    <message>
        <source>resolved</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>open</source>
        <translation>处理中</translation>
    </message>
    <message>
        <source>Received {when} by {channel}, recorded by {who}; handled by {handler}.</source>
        <translation>{when} 通过{channel}收到，{who} 登记；负责人：{handler}。</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>What happened: {text}</source>
        <translation>投诉内容：{text}</translation>
    </message>
    <message>
        <source>Technician concerned: {name}</source>
        <translation>相关技师：{name}</translation>
    </message>
    <message>
        <source>Progress log</source>
        <translation>处理记录</translation>
    </message>
    <message>
        <source>Remedies</source>
        <translation>补救措施</translation>
    </message>
    <message>
        <source>{points} points</source>
        <translation>{points} 积分</translation>
    </message>
    <message>
        <source>Resolution: {text}</source>
        <translation>处理结果：{text}</translation>
    </message>
    <message>
        <source>{action} (Ctrl+Enter)</source>
        <translation>{action}（Ctrl+Enter）</translation>
    </message>
    <message>
        <source>{what}: done {when} ({mark}; due {due})</source>
        <translation>{what}：{when} 完成（{mark}；时限 {due}）</translation>
    </message>
    <message>
        <source>{what}: due {due} ({mark})</source>
        <translation>{what}：时限 {due}（{mark}）</translation>
    </message>
</context>
<context>
    <name>CounterPage</name>
    <message>
        <source>Phone tail, phone, name or pinyin initials (F3)</source>
        <translation>手机尾号 / 手机号 / 姓名 / 拼音首字母 (F3)</translation>
    </message>
    <message>
        <source>Check in (Enter)</source>
        <translation>到店登记 (Enter)</translation>
    </message>
    <message>
        <source>New customer (F4)</source>
        <translation>新客户 (F4)</translation>
    </message>
    <message>
        <source>Walk-in (F6)</source>
        <translation>散客 (F6)</translation>
    </message>
    <message>
        <source>Top up card (F7)</source>
        <translation>储值卡充值 (F7)</translation>
    </message>
    <message>
        <source>Sell package (F8)</source>
        <translation>办次卡 (F8)</translation>
    </message>
    <message>
        <source>Today&apos;s receipts…</source>
        <translation>今日小票…</translation>
    </message>
    <message>
        <source>Shift / day close…</source>
        <translation>交班 / 日结…</translation>
    </message>
    <message>
        <source>Find customer</source>
        <translation>找客户</translation>
    </message>
    <message>
        <source>In the shop now</source>
        <translation>在店顾客</translation>
    </message>
    <message>
        <source>In the shop now ({count})</source>
        <translation>在店顾客（{count}）</translation>
    </message>
</context>
<context>
    <name>CustomerEditor</name>
    <message>
        <source>year —</source>
        <translation>年 —</translation>
    </message>
    <message>
        <source>month —</source>
        <translation>月 —</translation>
    </message>
    <message>
        <source>day —</source>
        <translation>日 —</translation>
    </message>
    <message>
        <source>comma separated, e.g. osmanthus tea, light pressure, wants a blanket</source>
        <translation>用逗号分隔，如：桂花茶，力度轻，要毛毯</translation>
    </message>
    <message>
        <source>Save file</source>
        <translation>保存档案</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Mobile phone:</source>
        <translation>手机号：</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>生日：</translation>
    </message>
    <message>
        <source>Region:</source>
        <translation>地区类型：</translation>
    </message>
    <message>
        <source>Skin type:</source>
        <translation>肤质：</translation>
    </message>
    <message>
        <source>Allergies:</source>
        <translation>过敏史：</translation>
    </message>
    <message>
        <source>Care goals:</source>
        <translation>护理目标：</translation>
    </message>
    <message>
        <source>Preferences:</source>
        <translation>偏好：</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>None</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Referred by:</source>
        <translation>介绍人：</translation>
    </message>
    <message>
        <source>First seen:</source>
        <translation>首次到店：</translation>
    </message>
    <message>
        <source>Consents (PIPL)</source>
        <translation>个人信息授权（个保法）</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未同意</translation>
    </message>
    <message>
        <source>{verb} {when} by {who}, notice {version}</source>
        <translation>{when} {verb}，经办人 {who}，告知书版本 {version}</translation>
    </message>
    <message>
        <source>given</source>
        <translation>同意</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Not a mainland mobile number (11 digits starting with 1); it can still be saved.</source>
        <translation>不是大陆手机号（1 开头的 11 位数字）；仍可保存。</translation>
    </message>
    <message>
        <source>Needs the customer&apos;s consent to health notes.</source>
        <translation>需要顾客同意记录健康信息。</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Who referred this customer?</source>
        <translation>谁介绍了这位顾客？</translation>
    </message>
    <message>
        <source>Withdrawing consent to keep the file archives it.</source>
        <translation>撤回建档授权后，档案将被归档。</translation>
    </message>
    <message>
        <source>Withdrawing health consent erases the allergy notes.</source>
        <translation>撤回健康信息授权将清除过敏记录。</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>撤回授权</translation>
    </message>
</context>
<context>
    <name>CustomerPickerDialog</name>
    <message>
        <source>Phone tail, phone, name or pinyin initials:</source>
        <translation>手机尾号 / 手机号 / 姓名 / 拼音首字母：</translation>
    </message>
</context>
<context>
    <name>CustomerTableModel</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Last visit</source>
        <translation>上次到店</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>（已删除个人信息）</translation>
    </message>
    <message>
        <source> (archived)</source>
        <translation>（已归档）</translation>
    </message>
    <message>
        <source>never</source>
        <translation>从未</translation>
    </message>
    <message>
        <source>Member no. {no}</source>
        <translation>会员号 {no}</translation>
    </message>
</context>
<context>
    <name>CustomersPage</name>
    <message>
        <source>Phone tail, phone, name or pinyin initials</source>
        <translation>手机尾号 / 手机号 / 姓名 / 拼音首字母</translation>
    </message>
    <message>
        <source>Include archived</source>
        <translation>包括已归档</translation>
    </message>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Complaint…</source>
        <translation>投诉…</translation>
    </message>
    <message>
        <source>File</source>
        <translation>档案</translation>
    </message>
    <message>
        <source>Membership and points</source>
        <translation>会员与积分</translation>
    </message>
    <message>
        <source>Visit history</source>
        <translation>消费记录</translation>
    </message>
    <message>
        <source>Card and packages</source>
        <translation>储值卡和次卡</translation>
    </message>
    <message>
        <source>Archive</source>
        <translation>归档</translation>
    </message>
    <message>
        <source>Erase personal data…</source>
        <translation>删除个人信息…</translation>
    </message>
    <message>
        <source>Merge a duplicate into this file…</source>
        <translation>合并重复档案到此…</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>导出副本…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>Visit record…</source>
        <translation>到店记录…</translation>
    </message>
    <message>
        <source>Customer&apos;s data copy (PDF)…</source>
        <translation>个人信息副本（PDF）…</translation>
    </message>
    <message>
        <source>Card and package statement…</source>
        <translation>储值卡/次卡对账单…</translation>
    </message>
    <message>
        <source>Refund the card balance…</source>
        <translation>储值卡退款…</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>（已删除个人信息）</translation>
    </message>
    <message>
        <source>Restore from archive</source>
        <translation>取消归档</translation>
    </message>
    <message>
        <source>Open complaint — answer overdue!</source>
        <translation>有未结投诉 — 已超时未回应！</translation>
    </message>
    <message>
        <source>Open complaint</source>
        <translation>有未结投诉</translation>
    </message>
    <message>
        <source>Erase personal data</source>
        <translation>删除个人信息</translation>
    </message>
    <message>
        <source>Erase {name}&apos;s personal data for good? Sales stay in the books as &apos;erased customer&apos;. This cannot be undone.</source>
        <translation>确定永久删除{name}的个人信息吗？消费记录将以“已删除客户”保留在账上。此操作无法撤销。</translation>
    </message>
    <message>
        <source>Which duplicate file goes into {name}&apos;s?</source>
        <translation>哪个重复档案要并入{name}的档案？</translation>
    </message>
    <message>
        <source>Merge files</source>
        <translation>合并档案</translation>
    </message>
    <message>
        <source>Move the visits, sales and points of {other} ({phone}) into {name}&apos;s file? {other}&apos;s file is then archived.</source>
        <translation>把{other}（{phone}）的到店、消费和积分并入{name}的档案吗？之后{other}的档案将被归档。</translation>
    </message>
    <message>
        <source>Export customer file</source>
        <translation>导出客户档案</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
</context>
<context>
    <name>DataSafety</name>
    <message>
        <source>The audit log does not hold together: {detail}</source>
        <translation>审计日志前后不衔接：{detail}</translation>
    </message>
    <message>
        <source>was changed after it was written</source>
        <translation>在写入后被修改过</translation>
    </message>
    <message>
        <source>follows an entry that was removed</source>
        <translation>前面有一条记录被删除了</translation>
    </message>
    <message>
        <source>was added outside salon-desk</source>
        <translation>是在 salon-desk 之外添加的</translation>
    </message>
    <message>
        <source>does not follow the entry before it</source>
        <translation>与前一条记录接不上</translation>
    </message>
    <message>
        <source>is gone or was rewritten since it was written down outside the file (the log was cut short)</source>
        <translation>已不在或已被改写（这条记录曾在文件之外登记过：日志被截短了）</translation>
    </message>
    <message>
        <source>The audit log was tampered with: entry {entry} (written {at}) {how}. The entries up to {last} are intact.</source>
        <translation>审计日志被篡改：第 {entry} 条（记于 {at}）{how}。第 {last} 条及之前的记录完好。</translation>
    </message>
    <message>
        <source>The shop file is damaged ({detail}).</source>
        <translation>店铺文件已损坏（{detail}）。</translation>
    </message>
    <message>
        <source>Receipt numbers are not continuous ({detail}).</source>
        <translation>小票号不连续（{detail}）。</translation>
    </message>
    <message>
        <source>A sale&apos;s payments do not add up to its amount due ({detail}).</source>
        <translation>有一笔销售的付款合计与应收金额不符（{detail}）。</translation>
    </message>
    <message>
        <source>A stored-value card&apos;s balances do not follow its entries ({detail}).</source>
        <translation>有一张储值卡的余额与其流水对不上（{detail}）。</translation>
    </message>
    <message>
        <source>Points do not agree with the points ledger ({detail}).</source>
        <translation>积分与积分流水对不上（{detail}）。</translation>
    </message>
    <message>
        <source>What to do: stop taking sales, then restore the newest backup from before the problem (Settings → Data safety → Restore a backup…; the damaged file is kept), and tell your support person.</source>
        <translation>怎么办：先停止收银，再恢复出问题之前最新的备份（设置 → 数据安全 → 恢复备份…；损坏的文件会保留），并告诉技术支持人员。</translation>
    </message>
    <message>
        <source>What to do: nothing is lost from the counter&apos;s view, but someone changed the shop file outside salon-desk. Do not delete anything; keep today&apos;s backup, note who had access to this computer, and show this message to your support person. &quot;Verify now&quot; checks again.</source>
        <translation>怎么办：收银台的数据没有丢失，但有人在 salon-desk 之外改动过店铺文件。请不要删除任何东西；保留今天的备份，记下谁能使用这台电脑，并把这条提示给技术支持人员看。点“立即检查”可再查一次。</translation>
    </message>
    <message>
        <source>The books have not been checked yet (the first check runs tonight, or press &quot;Verify now&quot;).</source>
        <translation>账目尚未检查过（今晚会第一次自动检查，也可以点“立即检查”）。</translation>
    </message>
    <message>
        <source>the nightly check</source>
        <translation>夜间检查</translation>
    </message>
    <message>
        <source>your check</source>
        <translation>你的检查</translation>
    </message>
    <message>
        <source>The books held at {who} on {when}: the file, receipt numbers, payments, stored value, points and the audit log.</source>
        <translation>{when} {who}：账目完好（文件、小票号、付款、储值、积分和审计日志）。</translation>
    </message>
    <message>
        <source>{who} on {when} found:</source>
        <translation>{when} {who}发现：</translation>
    </message>
    <message>
        <source>Checking the books… (about a minute on a big shop file; the counter keeps working)</source>
        <translation>正在检查账目…（大的店铺文件约需一分钟；收银台照常可用）</translation>
    </message>
    <message>
        <source>Verify now</source>
        <translation>立即检查</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>恢复备份</translation>
    </message>
    <message>
        <source>Shop backups (*.sqlite);;All files (*)</source>
        <translation>店铺备份 (*.sqlite);;所有文件 (*)</translation>
    </message>
    <message>
        <source>last receipt {receipt} ({when})</source>
        <translation>最后一张小票 {receipt}（{when}）</translation>
    </message>
    <message>
        <source>no sales</source>
        <translation>没有销售</translation>
    </message>
    <message>
        <source>Replace the shop file with this backup?

{name}
written {written}: {last}, {sales} sales, {customers} customers.

Everything recorded since then is no longer in the books; the file replaced now is kept in the backups folder beside {shop}. The counter locks afterwards: log in with the restored file&apos;s accounts.</source>
        <translation>用这份备份替换店铺文件吗？

{name}
写于 {written}：{last}，{sales} 笔销售，{customers} 位客户。

此后记录的一切将不在账上；被替换的文件会保留在 {shop} 旁边的备份文件夹里。恢复后收银台会锁定：请用恢复后文件里的账号登录。</translation>
    </message>
    <message>
        <source>Checking the backup, then copying it over the shop file…
This cannot be cancelled once it has started replacing the file.</source>
        <translation>正在检查备份，然后把它复制到店铺文件上…
开始替换文件后就不能取消。</translation>
    </message>
    <message>
        <source>Data safety</source>
        <translation>数据安全</translation>
    </message>
    <message>
        <source>Restore a backup…</source>
        <translation>恢复备份…</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>立即备份</translation>
    </message>
    <message>
        <source>Encrypt the shop file…</source>
        <translation>加密店铺文件…</translation>
    </message>
    <message>
        <source>Copying the shop file to the backups folder…</source>
        <translation>正在把店铺文件复制到备份文件夹…</translation>
    </message>
    <message>
        <source>The backup was cancelled; no file was written.</source>
        <translation>备份已取消，没有写入任何文件。</translation>
    </message>
    <message>
        <source>Backup written: {path}</source>
        <translation>备份已写好：{path}</translation>
    </message>
    <message>
        <source>Nothing was restored.</source>
        <translation>没有恢复任何内容。</translation>
    </message>
    <message>
        <source>Another program has the shop file open (a second counter, or a command): close it there, then restore again. Nothing was changed.</source>
        <translation>另一个程序正在使用店铺文件（另一台收银台或命令行）：请先在那里关闭，再重新恢复。未做任何更改。</translation>
    </message>
    <message>
        <source>Restored from {name}.</source>
        <translation>已从 {name} 恢复。</translation>
    </message>
    <message>
        <source>The replaced file is kept as {kept}.</source>
        <translation>被替换的文件保存为 {kept}。</translation>
    </message>
</context>
<context>
    <name>DatabaseProblem</name>
    <message>
        <source>Do not delete it. Restore the newest backup from the backups folder beside it, or send the file to your support person.</source>
        <translation>请不要删除它。请从同目录下 backups 文件夹恢复最新的备份，或把文件交给技术支持人员。</translation>
    </message>
    <message>
        <source>Close the other salon-desk window (or the program using the file), wait a moment and start again.</source>
        <translation>请关闭另一个 salon-desk 窗口（或正在使用该文件的程序），稍等片刻再重新启动。</translation>
    </message>
    <message>
        <source>Install the newest salon-desk on this computer, then start again. The file was not changed.</source>
        <translation>请在这台电脑上安装最新版 salon-desk 后再启动。文件没有被改动。</translation>
    </message>
    <message>
        <source>Check that the folder exists and that you may write to it, or start salon-desk with another data folder.</source>
        <translation>请检查文件夹是否存在、是否有写入权限，或换一个数据文件夹启动 salon-desk。</translation>
    </message>
    <message>
        <source>Nothing was changed. Type the owner&apos;s recovery key (printed when the shop was encrypted); if the file is damaged, restore a backup.</source>
        <translation>文件没有任何改动。请输入店主的恢复密钥（加密时打印的那一张）；如果文件已损坏，请恢复备份。</translation>
    </message>
    <message>
        <source>This happens on a new computer or after the computer&apos;s credential store was reset. Type the owner&apos;s recovery key; the file was not changed.</source>
        <translation>换了新电脑、或电脑的凭据存储被重置后会出现这种情况。请输入店主的恢复密钥；文件没有改动。</translation>
    </message>
    <message>
        <source>Encrypt it again (the same recovery key is used), or ask your support person.</source>
        <translation>请重新加密（沿用原来的恢复密钥），或联系技术支持。</translation>
    </message>
    <message>
        <source>File: {path}</source>
        <translation>文件：{path}</translation>
    </message>
    <message>
        <source>Details: {detail}</source>
        <translation>详情：{detail}</translation>
    </message>
    <message>
        <source>salon-desk cannot open the shop file</source>
        <translation>salon-desk 无法打开店铺数据文件</translation>
    </message>
</context>
<context>
    <name>DayChart</name>
    <message>
        <source>Net received each day (yuan)</source>
        <translation>每日实收（元）</translation>
    </message>
    <message>
        <source>Net received</source>
        <translation>实收净额</translation>
    </message>
</context>
<context>
    <name>DayView</name>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Day off</source>
        <translation>休息</translation>
    </message>
    <message>
        <source>{hours} · {count} booked</source>
        <translation>{hours} · {count}个预约</translation>
    </message>
    <message>
        <source>M/d</source>
        <translation>M月d日</translation>
    </message>
    <message>
        <source>Newcomer, phone {phone}</source>
        <translation>新客，手机 {phone}</translation>
    </message>
    <message>
        <source>{technician}, requested by the customer</source>
        <translation>{technician}，顾客指定</translation>
    </message>
    <message>
        <source>{technician}, by rotation</source>
        <translation>{technician}，轮牌</translation>
    </message>
    <message>
        <source>Notes: {notes}</source>
        <translation>备注：{notes}</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>迟到</translation>
    </message>
    <message>
        <source>In the shop</source>
        <translation>已到店</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>Requested</source>
        <translation>指定</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Silver</source>
        <translation>银卡</translation>
    </message>
    <message>
        <source>Gold</source>
        <translation>金卡</translation>
    </message>
    <message>
        <source>Diamond</source>
        <translation>钻石</translation>
    </message>
    <message>
        <source>Birthday</source>
        <translation>生日</translation>
    </message>
    <message>
        <source>Allergy</source>
        <translation>过敏</translation>
    </message>
    <message>
        <source>Complaint</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次</translation>
    </message>
    <message>
        <source>No-shows: {count}</source>
        <translation>爽约{count}次</translation>
    </message>
    <message>
        <source>Until {time}</source>
        <translation>至 {time}</translation>
    </message>
    <message>
        <source>→ {time} {technician}</source>
        <translation>→ {time} {technician}</translation>
    </message>
</context>
<context>
    <name>EncryptShop</name>
    <message>
        <source>Encrypt the shop file?

A plain backup is taken first. Then an encrypted copy is written, checked and put in place of the file; on a file of many years this takes a few minutes, and the counter waits meanwhile. Cancel stops it before the file is replaced.

At the end you are shown a recovery key: write it down and keep it away from this computer. Without it the shop file and its backups cannot be opened on another computer.</source>
        <translation>要加密店铺文件吗？

会先做一份未加密的备份，然后写出加密副本，检查无误后替换原文件；多年的大文件需要几分钟，期间收银台需等待。在替换文件之前，按“取消”即可停止。

最后会显示一个恢复密钥：请抄写下来，并存放在这台电脑之外的地方。没有它，店铺文件和备份在其他电脑上都无法打开。</translation>
    </message>
    <message>
        <source>Step 1 of 4: copying the shop file to a plain backup</source>
        <translation>第 1 步（共 4 步）：把店铺文件复制为一份未加密的备份</translation>
    </message>
    <message>
        <source>Step 2 of 4: checking the backup (the bar waits while the whole file is read)</source>
        <translation>第 2 步（共 4 步）：检查备份（读取整个文件期间进度条会停住）</translation>
    </message>
    <message>
        <source>Step 3 of 4: writing the encrypted copy</source>
        <translation>第 3 步（共 4 步）：写出加密副本</translation>
    </message>
    <message>
        <source>Step 4 of 4: checking the encrypted copy (the bar waits while the whole file is read)</source>
        <translation>第 4 步（共 4 步）：检查加密副本（读取整个文件期间进度条会停住）</translation>
    </message>
    <message>
        <source>Putting the encrypted file in place…</source>
        <translation>正在用加密文件替换原文件…</translation>
    </message>
    <message>
        <source>Encrypt the shop file</source>
        <translation>加密店铺文件</translation>
    </message>
    <message>
        <source>Encrypting the shop file {path}…</source>
        <translation>正在加密店铺文件 {path}…</translation>
    </message>
    <message>
        <source>The encryption was cancelled before the file was replaced: the shop file is as it was (not encrypted).</source>
        <translation>加密已取消，店铺文件尚未被替换：文件保持原样（未加密）。</translation>
    </message>
    <message>
        <source>The shop file is encrypted. These backups are NOT encrypted; delete them once the shop has opened again: {files}</source>
        <translation>店铺文件已加密。以下备份未加密，请在店铺重新打开正常后删除：{files}</translation>
    </message>
    <message>
        <source>The shop file is encrypted.</source>
        <translation>店铺文件已加密。</translation>
    </message>
</context>
<context>
    <name>EnrolOfferDialog</name>
    <message>
        <source>Offer membership</source>
        <translation>邀请入会</translation>
    </message>
    <message>
        <source>{name} paid {paid} in one sale, reaching {threshold}: they can join as a Regular member (member discount from the next sale, points from this one).

Ask the customer.</source>
        <translation>{name}本单实付 {paid}，已满 {threshold}，可以成为普通会员（下次起享受会员折扣，本单即可积分）。

请询问顾客是否愿意入会。</translation>
    </message>
    <message>
        <source>The customer agrees to join and to the membership terms</source>
        <translation>顾客同意入会并同意会员条款</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>入会</translation>
    </message>
    <message>
        <source>Not now</source>
        <translation>暂不</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>technique</source>
        <translation>技术水平</translation>
    </message>
    <message>
        <source>environment</source>
        <translation>服务环境</translation>
    </message>
    <message>
        <source>Wrong staff name or password.</source>
        <translation>员工账号或密码错误。</translation>
    </message>
    <message>
        <source>Too many wrong owner passwords at this counter: the owner&apos;s authorisation is locked here until {until}. The owner can still log in.</source>
        <translation>本收银台输错店主密码次数过多：此处的店主授权已锁定至 {until}。店主本人仍可正常登录。</translation>
    </message>
    <message>
        <source>Too many wrong passwords: this account is locked until {until}.</source>
        <translation>密码错误次数过多，此账号已锁定至 {until}。</translation>
    </message>
    <message>
        <source>The owner&apos;s name or password is wrong; nothing was changed.</source>
        <translation>店长账号或密码错误，未做任何更改。</translation>
    </message>
    <message>
        <source>Your role ({role}) may not do this.</source>
        <translation>您的角色（{role}）无权进行此操作。</translation>
    </message>
    <message>
        <source>This staff account is no longer active.</source>
        <translation>此员工账号已停用。</translation>
    </message>
    <message>
        <source>Please log in again: this session has ended.</source>
        <translation>请重新登录：本次登录已失效。</translation>
    </message>
    <message>
        <source>A technician sees a customer&apos;s file only while that customer is in the shop with them.</source>
        <translation>技师只能在顾客由自己服务、仍在店内时查看其档案。</translation>
    </message>
    <message>
        <source>Moving a member&apos;s birthday to today needs the owner&apos;s authorisation.</source>
        <translation>把会员生日改到今天（生日权益期内）需要店长授权。</translation>
    </message>
    <message>
        <source>This kind of printout is not known.</source>
        <translation>未知的打印类型。</translation>
    </message>
    <message>
        <source>A technician may write notes only on their own services.</source>
        <translation>技师只能给自己做的项目写备注。</translation>
    </message>
    <message>
        <source>A refund or void needs the owner&apos;s name and password.</source>
        <translation>退款或作废需要店长的账号和密码。</translation>
    </message>
    <message>
        <source>The password must have at least {min} characters.</source>
        <translation>密码至少需要 {min} 个字符。</translation>
    </message>
    <message>
        <source>Unknown role.</source>
        <translation>未知角色。</translation>
    </message>
    <message>
        <source>Please enter the name shown on receipts.</source>
        <translation>请输入小票上显示的姓名。</translation>
    </message>
    <message>
        <source>Please enter a login name.</source>
        <translation>请输入登录账号。</translation>
    </message>
    <message>
        <source>The login name {username} is already used.</source>
        <translation>登录账号 {username} 已被使用。</translation>
    </message>
    <message>
        <source>You cannot remove your own owner role or deactivate yourself.</source>
        <translation>不能取消自己的店长角色或停用自己。</translation>
    </message>
    <message>
        <source>{name} is no longer active.</source>
        <translation>{name}已停用。</translation>
    </message>
    <message>
        <source>This staff member does not exist.</source>
        <translation>此员工不存在。</translation>
    </message>
    <message>
        <source>Please enter the shop&apos;s name.</source>
        <translation>请输入店名。</translation>
    </message>
    <message>
        <source>This shop is already set up.</source>
        <translation>本店已完成初始设置。</translation>
    </message>
    <message>
        <source>This customer file does not exist (it may have been erased).</source>
        <translation>此客户档案不存在（可能已被删除）。</translation>
    </message>
    <message>
        <source>{name}&apos;s file is archived. Restore it on the Customers page first.</source>
        <translation>{name}的档案已归档，请先在“客户”页取消归档。</translation>
    </message>
    <message>
        <source>This customer&apos;s personal data was erased; the file cannot be changed.</source>
        <translation>此客户的个人信息已删除，档案不能再修改。</translation>
    </message>
    <message>
        <source>The phone number {phone} already belongs to {name}.</source>
        <translation>手机号 {phone} 已属于{name}。</translation>
    </message>
    <message>
        <source>Please enter the customer&apos;s name.</source>
        <translation>请输入顾客姓名。</translation>
    </message>
    <message>
        <source>The name is too long (at most 40 characters).</source>
        <translation>姓名太长（最多 40 个字）。</translation>
    </message>
    <message>
        <source>Unknown gender.</source>
        <translation>未知性别。</translation>
    </message>
    <message>
        <source>Unknown region type.</source>
        <translation>未知地区类型。</translation>
    </message>
    <message>
        <source>Unknown skin type.</source>
        <translation>未知肤质。</translation>
    </message>
    <message>
        <source>A birthday needs both the month and the day.</source>
        <translation>生日需要同时填写月和日。</translation>
    </message>
    <message>
        <source>This birthday does not exist in the calendar.</source>
        <translation>日历上没有这个日期。</translation>
    </message>
    <message>
        <source>Without the customer&apos;s consent to keep a file none is created: sell as a walk-in.</source>
        <translation>顾客不同意建档，就不能建立档案：请按散客结账。</translation>
    </message>
    <message>
        <source>Allergy and health notes need the customer&apos;s separate consent.</source>
        <translation>过敏和健康信息需要顾客单独同意。</translation>
    </message>
    <message>
        <source>A customer cannot refer themselves.</source>
        <translation>顾客不能介绍自己。</translation>
    </message>
    <message>
        <source>The preference &quot;{tag}&quot; is too long (at most 20 characters).</source>
        <translation>偏好“{tag}”太长（最多 20 个字）。</translation>
    </message>
    <message>
        <source>Unknown consent purpose.</source>
        <translation>未知的授权用途。</translation>
    </message>
    <message>
        <source>&quot;{phone}&quot; is not a phone number.</source>
        <translation>“{phone}”不是有效的电话号码。</translation>
    </message>
    <message>
        <source>Choose two different files to merge.</source>
        <translation>请选择两个不同的档案进行合并。</translation>
    </message>
    <message>
        <source>{name} is in the shop now: check out or cancel the visit before merging.</source>
        <translation>{name}正在店内：请先结账或取消到店，再合并。</translation>
    </message>
    <message>
        <source>Already a member ({member_no}).</source>
        <translation>已经是会员（{member_no}）。</translation>
    </message>
    <message>
        <source>Only members can do this.</source>
        <translation>只有会员才能这样做。</translation>
    </message>
    <message>
        <source>The customer must agree to join: tick the consent box.</source>
        <translation>顾客必须同意入会：请勾选同意框。</translation>
    </message>
    <message>
        <source>This sale does not reach the amount needed to join.</source>
        <translation>本单金额未达到入会标准。</translation>
    </message>
    <message>
        <source>Unknown tier.</source>
        <translation>未知会员等级。</translation>
    </message>
    <message>
        <source>Please give a reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>This membership has not lapsed.</source>
        <translation>此会员资格并未失效。</translation>
    </message>
    <message>
        <source>Points cannot be negative.</source>
        <translation>积分不能为负数。</translation>
    </message>
    <message>
        <source>Points are redeemed in steps of {step}.</source>
        <translation>积分须按 {step} 的倍数抵扣。</translation>
    </message>
    <message>
        <source>Only {balance} points are available, not {points}.</source>
        <translation>可用积分只有 {balance} 分，不够 {points} 分。</translation>
    </message>
    <message>
        <source>At most {limit} points can be used on this sale (you entered {points}).</source>
        <translation>本单最多可用 {limit} 积分（您输入了 {points}）。</translation>
    </message>
    <message>
        <source>Please give a reason for the points adjustment.</source>
        <translation>请填写积分调整原因。</translation>
    </message>
    <message>
        <source>Enter a number of points other than zero.</source>
        <translation>请输入非零的积分数。</translation>
    </message>
    <message>
        <source>A gift needs a name and a points price.</source>
        <translation>礼品需要名称和积分价格。</translation>
    </message>
    <message>
        <source>This gift is not on the list.</source>
        <translation>礼品清单中没有这个礼品。</translation>
    </message>
    <message>
        <source>A service paid by a package session cannot also be the birthday free service.</source>
        <translation>套餐次数支付的服务不能同时作为生日免费服务。</translation>
    </message>
    <message>
        <source>The {perk} was already used in {year}.</source>
        <translation>{year}年的{perk}已经用过了。</translation>
    </message>
    <message>
        <source>Birthday perks are only for members on their birthday.</source>
        <translation>生日权益仅限会员在生日期间使用。</translation>
    </message>
    <message>
        <source>The birthday service is not on this visit.</source>
        <translation>生日免费项目不在本次到店记录中。</translation>
    </message>
    <message>
        <source>The birthday perk is a free service, not a product.</source>
        <translation>生日权益是免费服务项目，不能用于产品。</translation>
    </message>
    <message>
        <source>This item is not in the catalogue.</source>
        <translation>项目表中没有这个项目。</translation>
    </message>
    <message>
        <source>{name} is no longer offered.</source>
        <translation>{name}已停售。</translation>
    </message>
    <message>
        <source>The code {code} is already used.</source>
        <translation>编号 {code} 已被使用。</translation>
    </message>
    <message>
        <source>Please enter a code.</source>
        <translation>请输入编号。</translation>
    </message>
    <message>
        <source>Please enter a name.</source>
        <translation>请输入名称。</translation>
    </message>
    <message>
        <source>Choose a category.</source>
        <translation>请选择类别。</translation>
    </message>
    <message>
        <source>Choose service or product.</source>
        <translation>请选择服务项目或产品。</translation>
    </message>
    <message>
        <source>The price cannot be negative.</source>
        <translation>价格不能为负数。</translation>
    </message>
    <message>
        <source>This field of an item cannot be changed.</source>
        <translation>项目的这一栏不能修改。</translation>
    </message>
    <message>
        <source>Enter a stock change other than zero.</source>
        <translation>请输入非零的库存变动。</translation>
    </message>
    <message>
        <source>This visit does not exist.</source>
        <translation>此到店记录不存在。</translation>
    </message>
    <message>
        <source>This visit is already closed.</source>
        <translation>此到店记录已结束。</translation>
    </message>
    <message>
        <source>{name} is already checked in.</source>
        <translation>{name}已经登记到店。</translation>
    </message>
    <message>
        <source>Add a service or product before checking out.</source>
        <translation>请先添加服务项目或产品再结账。</translation>
    </message>
    <message>
        <source>This line is no longer on the visit.</source>
        <translation>此项目已不在本次到店记录中。</translation>
    </message>
    <message>
        <source>Choose the technician who did the service.</source>
        <translation>请选择做这个项目的技师。</translation>
    </message>
    <message>
        <source>The quantity must be a whole number above zero.</source>
        <translation>数量必须是大于零的整数。</translation>
    </message>
    <message>
        <source>Please give a reason for the price change.</source>
        <translation>请填写改价原因。</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not an amount of money (e.g. 68 or 68.50).</source>
        <translation>“{text}”不是有效金额（例如 68 或 68.50）。</translation>
    </message>
    <message>
        <source>A discount rate cannot be negative.</source>
        <translation>折扣率不能为负数。</translation>
    </message>
    <message>
        <source>Payment is short by {missing}: the bill is {due}, {paid} was paid.</source>
        <translation>还差 {missing}：应付 {due}，已付 {paid}。</translation>
    </message>
    <message>
        <source>Card and phone payments add up to {paid}, more than the bill of {due}. Only cash can be over-tendered.</source>
        <translation>刷卡和手机支付合计 {paid}，超过应付 {due}。只有现金可以多收找零。</translation>
    </message>
    <message>
        <source>The bill is already paid without the cash of {cash}: remove the cash payment.</source>
        <translation>不算现金 {cash} 账单已付清：请删除这笔现金。</translation>
    </message>
    <message>
        <source>A payment must be more than zero.</source>
        <translation>付款金额必须大于零。</translation>
    </message>
    <message>
        <source>Unknown payment method.</source>
        <translation>未知付款方式。</translation>
    </message>
    <message>
        <source>The stored-value card holds {balance}: it cannot pay {paid}.</source>
        <translation>储值卡余额 {balance}，不能支付 {paid}。</translation>
    </message>
    <message>
        <source>This receipt does not exist.</source>
        <translation>此小票不存在。</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} was voided.</source>
        <translation>小票 {receipt_no} 已作废。</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} is not from today: it can be refunded, not voided.</source>
        <translation>小票 {receipt_no} 不是今天的：只能退款，不能作废。</translation>
    </message>
    <message>
        <source>Receipt {receipt_no} already has refunds: refund the remaining lines instead of voiding.</source>
        <translation>小票 {receipt_no} 已有退款：请退剩余项目，不能整单作废。</translation>
    </message>
    <message>
        <source>Choose the lines of receipt {receipt_no} to refund.</source>
        <translation>请选择小票 {receipt_no} 中要退款的项目。</translation>
    </message>
    <message>
        <source>{name} is in the shop now: check out or cancel the visit before erasing the file.</source>
        <translation>{name} 正在店内：请先结账或取消本次到店，再注销档案。</translation>
    </message>
    <message>
        <source>Everything on receipt {receipt_no} was already refunded.</source>
        <translation>小票 {receipt_no} 的项目已全部退款。</translation>
    </message>
    <message>
        <source>A chosen line is not on this receipt.</source>
        <translation>所选项目不在这张小票上。</translation>
    </message>
    <message>
        <source>A chosen line was already refunded.</source>
        <translation>所选项目已经退过款。</translation>
    </message>
    <message>
        <source>Please give the reason for the refund or void.</source>
        <translation>请填写退款或作废的原因。</translation>
    </message>
    <message>
        <source>Choose refund or void.</source>
        <translation>请选择退款或作废。</translation>
    </message>
    <message>
        <source>No shift is open: open a shift with the float counted in the drawer before taking money.</source>
        <translation>当前没有开班：请先清点钱箱备用金并开班，再收款。</translation>
    </message>
    <message>
        <source>A shift is already open: close it first.</source>
        <translation>已有班次未交班：请先交班。</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a count of cash (e.g. 1468.50).</source>
        <translation>“{text}”不是现金点数（如 1468.50）。</translation>
    </message>
    <message>
        <source>The float left in the drawer cannot be more than the cash counted.</source>
        <translation>留给下一班的备用金不能多于点到的现金。</translation>
    </message>
    <message>
        <source>The drawer is {variance} against what was expected: give the reason and the owner&apos;s password.</source>
        <translation>钱箱与应有现金相差 {variance}：请填写原因并由店长输入密码。</translation>
    </message>
    <message>
        <source>There is no day close number {z_no}.</source>
        <translation>没有编号为 {z_no} 的日结。</translation>
    </message>
    <message>
        <source>A commission rate must be between 0% and 100%.</source>
        <translation>提成比例须在 0% 到 100% 之间。</translation>
    </message>
    <message>
        <source>A commission rule is for services, products or card sales.</source>
        <translation>提成规则只适用于服务、产品或卡项销售。</translation>
    </message>
    <message>
        <source>A labour fee cannot be negative.</source>
        <translation>手工费不能为负数。</translation>
    </message>
    <message>
        <source>A rule must end after the day it starts.</source>
        <translation>规则的结束日期须晚于开始日期。</translation>
    </message>
    <message>
        <source>Monthly tiers are progressive or retroactive.</source>
        <translation>月度阶梯只能是超额累进或全额追溯。</translation>
    </message>
    <message>
        <source>Each tier band must start above the one before.</source>
        <translation>每一档的起点须高于上一档。</translation>
    </message>
    <message>
        <source>The shares on a line must make exactly 100% with one lead technician (now {total}%).</source>
        <translation>一个项目的分成须合计 100%，且只有一位主理（现为 {total}%）。</translation>
    </message>
    <message>
        <source>Please name the level (e.g. 助理, 发型师, 总监).</source>
        <translation>请填写级别（如 助理、发型师、总监）。</translation>
    </message>
    <message>
        <source>That commission rule does not exist.</source>
        <translation>没有这条提成规则。</translation>
    </message>
    <message>
        <source>That line is no longer on the visit.</source>
        <translation>这个项目已不在本单上。</translation>
    </message>
    <message>
        <source>An adjustment needs an amount other than zero (a minus sign takes money off).</source>
        <translation>调整金额不能为零（负数表示扣减）。</translation>
    </message>
    <message>
        <source>Please say why the commission is adjusted.</source>
        <translation>请填写调整提成的原因。</translation>
    </message>
    <message>
        <source>Write the tiers as from-amount:percent pairs separated by commas, e.g. 0:0, 20000:2.</source>
        <translation>阶梯请写成“起点金额:比例”，用逗号分开，例如 0:0, 20000:2。</translation>
    </message>
    <message>
        <source>Commission for {year}-{month:02d} is settled and cannot be changed; put the correction into {next_year}-{next_month:02d}, the next month not settled.</source>
        <translation>{year}-{month:02d} 的提成已结算，不能再改动；请把更正记入下一个未结算的月份 {next_year}-{next_month:02d}。</translation>
    </message>
    <message>
        <source>This card entry is not possible; nothing was written.</source>
        <translation>该储值卡流水不成立，未作任何记录。</translation>
    </message>
    <message>
        <source>Please give a reason for this card entry.</source>
        <translation>请填写此储值卡流水的原因。</translation>
    </message>
    <message>
        <source>The card holds {balance}: it cannot pay {amount}.</source>
        <translation>储值卡余额 {balance}，不足以支付 {amount}。</translation>
    </message>
    <message>
        <source>An amount paid from the card must be more than zero.</source>
        <translation>储值卡支付金额必须大于零。</translation>
    </message>
    <message>
        <source>A top-up must be more than zero.</source>
        <translation>充值金额必须大于零。</translation>
    </message>
    <message>
        <source>A top-up cannot be paid with the card itself: take cash, WeChat, Alipay or a bank card.</source>
        <translation>充值不能用储值卡本身支付：请收现金、微信、支付宝或银行卡。</translation>
    </message>
    <message>
        <source>A cash top-up of {amount} is not accepted (cash only below {limit}): take it by WeChat, Alipay or bank card.</source>
        <translation>不接受 {amount} 的现金充值（现金须低于 {limit}）：请用微信、支付宝或银行卡。</translation>
    </message>
    <message>
        <source>Cards without a name are turned off in the settings.</source>
        <translation>不记名卡未在设置中启用。</translation>
    </message>
    <message>
        <source>A card without a name may hold at most {limit} of principal; this top-up would make {after}.</source>
        <translation>不记名卡本金最多 {limit}，本次充值后将达 {after}。</translation>
    </message>
    <message>
        <source>The card&apos;s principal would reach {after}, above the named-card limit: the owner must authorise it.</source>
        <translation>充值后本金将达 {after}，超过记名卡限额：需店长授权。</translation>
    </message>
    <message>
        <source>A top-up rule needs an amount above zero, a bonus not below zero and a known tier.</source>
        <translation>充值规则须有大于零的金额、不小于零的赠送金额和有效的会员等级。</translation>
    </message>
    <message>
        <source>Two top-up rules have the same amount {pay}.</source>
        <translation>两条充值规则的金额都是 {pay}。</translation>
    </message>
    <message>
        <source>Only {left} of this receipt&apos;s card payment is left to give back, not {amount}.</source>
        <translation>此单的储值卡支付仅剩 {left} 可退回，不能退 {amount}。</translation>
    </message>
    <message>
        <source>The card is empty: there is nothing to transfer.</source>
        <translation>储值卡余额为零，无可转让。</translation>
    </message>
    <message>
        <source>The card has no balance left to refund (it may already have been refunded).</source>
        <translation>储值卡已无余额可退（可能已经退过款）。</translation>
    </message>
    <message>
        <source>No top-up on this card is within the last 7 days: choose another refund mode.</source>
        <translation>此卡没有7天内的充值：请选择其他退款方式。</translation>
    </message>
    <message>
        <source>A package needs at least one service and one session, no negative price or gifted sessions, and a validity of at least one day if it has one.</source>
        <translation>套餐须至少包含一项服务和一次，价格和赠送次数不能为负，如设有效期至少一天。</translation>
    </message>
    <message>
        <source>This package belongs to another customer.</source>
        <translation>此套餐属于其他客户。</translation>
    </message>
    <message>
        <source>This service is not part of the package.</source>
        <translation>此服务不在该套餐内。</translation>
    </message>
    <message>
        <source>No sessions are left in this package.</source>
        <translation>此套餐已无剩余次数。</translation>
    </message>
    <message>
        <source>This package expired on {date}: the owner can extend it, and its sessions are kept.</source>
        <translation>此套餐已于 {date} 到期：店长可以延期，剩余次数保留。</translation>
    </message>
    <message>
        <source>This package was refunded.</source>
        <translation>此套餐已退款。</translation>
    </message>
    <message>
        <source>This session is not recorded on the package.</source>
        <translation>此次数记录不在该套餐中。</translation>
    </message>
    <message>
        <source>The new expiry date must be after {date}.</source>
        <translation>新的到期日须晚于 {date}。</translation>
    </message>
    <message>
        <source>The package was sold more than 7 days ago: choose another refund mode.</source>
        <translation>套餐售出已超过7天：请选择其他退款方式。</translation>
    </message>
    <message>
        <source>The interest rate cannot be negative.</source>
        <translation>利率不能为负。</translation>
    </message>
    <message>
        <source>&quot;{rate}&quot; is not an interest rate: type the % a year with at most two decimals, e.g. 3.45.</source>
        <translation>“{rate}”不是利率：请输入年利率（%），最多两位小数，例如 3.45。</translation>
    </message>
    <message>
        <source>Choose how the refund is valued.</source>
        <translation>请选择退款的计算方式。</translation>
    </message>
    <message>
        <source>Only a customer with a file can pay with a stored-value card.</source>
        <translation>只有建档顾客才能用储值卡付款。</translation>
    </message>
    <message>
        <source>This customer has no stored-value card yet.</source>
        <translation>该顾客还没有储值卡。</translation>
    </message>
    <message>
        <source>The customer must sign the card terms (version {version}) at this first top-up.</source>
        <translation>首次充值时，顾客须签署储值卡章程（第 {version} 版）。</translation>
    </message>
    <message>
        <source>Choose another customer to receive the balance.</source>
        <translation>请选择另一位顾客接收余额。</translation>
    </message>
    <message>
        <source>A package is sold to a customer with a file, not to a walk-in.</source>
        <translation>次卡只能卖给建档顾客，不能卖给散客。</translation>
    </message>
    <message>
        <source>Sessions of {name} were already used: refund its unused sessions as a package refund instead.</source>
        <translation>{name} 已使用过次数：请改用次卡退款退还未使用的次数。</translation>
    </message>
    <message>
        <source>This package was not found.</source>
        <translation>找不到该次卡。</translation>
    </message>
    <message>
        <source>Money goes back to the stored-value card only for a sale the card paid.</source>
        <translation>只有用储值卡支付的消费才能退回储值卡。</translation>
    </message>
    <message>
        <source>A booking that is {current} cannot become {new}.</source>
        <translation>“{current}”的预约不能改为“{new}”。</translation>
    </message>
    <message>
        <source>Please give a reason for cancelling the booking.</source>
        <translation>请填写取消预约的原因。</translation>
    </message>
    <message>
        <source>The booking starts at {start}: it cannot be a no-show before then.</source>
        <translation>预约 {start} 开始，在此之前不能记为爽约。</translation>
    </message>
    <message>
        <source>This booking is for {day}, not today: move it to today first.</source>
        <translation>这是 {day} 的预约，不是今天的：请先改到今天。</translation>
    </message>
    <message>
        <source>A booking that is {status} can no longer be moved or changed.</source>
        <translation>“{status}”的预约不能再移动或修改。</translation>
    </message>
    <message>
        <source>Choose a customer, or enter the newcomer&apos;s name and phone.</source>
        <translation>请选择顾客，或填写新客的姓名和手机号。</translation>
    </message>
    <message>
        <source>Add at least one service to the booking.</source>
        <translation>预约至少要有一个服务项目。</translation>
    </message>
    <message>
        <source>A service must last between 1 minute and 12 hours (not {minutes} minutes).</source>
        <translation>服务时长须在 1 分钟到 12 小时之间（不能是 {minutes} 分钟）。</translation>
    </message>
    <message>
        <source>{start} has already passed: choose a later time.</source>
        <translation>{start} 已经过去了，请选择之后的时间。</translation>
    </message>
    <message>
        <source>{technician} does not work on {day}.</source>
        <translation>{technician} {day} 不上班。</translation>
    </message>
    <message>
        <source>{technician} works from {opens} to {closes}; {start}–{end} is outside these hours.</source>
        <translation>{technician} 的上班时间是 {opens}–{closes}，{start}–{end} 不在上班时间内。</translation>
    </message>
    <message>
        <source>This booking does not exist.</source>
        <translation>此预约不存在。</translation>
    </message>
    <message>
        <source>{weekday}: “{text}” is not a time like 09:30.</source>
        <translation>{weekday}：“{text}”不是 09:30 这样的时间。</translation>
    </message>
    <message>
        <source>{weekday}: “{text}” is not on the quarter hour (minutes 00, 15, 30 or 45).</source>
        <translation>{weekday}：“{text}”不在整刻钟上（分钟须为 00、15、30 或 45）。</translation>
    </message>
    <message>
        <source>{weekday}: the end ({closes}) must be after the start ({opens}).</source>
        <translation>{weekday}：下班时间（{closes}）必须晚于上班时间（{opens}）。</translation>
    </message>
    <message>
        <source>{technician} is already booked from {start} to {end} ({customer}).</source>
        <translation>{technician} 在 {start}–{end} 已有预约（{customer}）。</translation>
    </message>
    <message>
        <source>Unknown setting.</source>
        <translation>未知设置项。</translation>
    </message>
    <message>
        <source>The tier table is incomplete.</source>
        <translation>会员等级表不完整。</translation>
    </message>
    <message>
        <source>A value of the {tier} tier is out of range.</source>
        <translation>{tier}的数值超出范围。</translation>
    </message>
    <message>
        <source>Each tier must need at least as much as the one below and give at least the same discount ({tier}).</source>
        <translation>每个等级的门槛不能低于下一级，折扣也不能少于下一级（{tier}）。</translation>
    </message>
    <message>
        <source>{value} is out of range: between {low} and {high}.</source>
        <translation>{value} 超出范围：应在 {low} 到 {high} 之间。</translation>
    </message>
    <message>
        <source>The text is too long (at most {max} characters).</source>
        <translation>文字太长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not one of the choices.</source>
        <translation>“{value}”不是可选项之一。</translation>
    </message>
    <message>
        <source>The working hours are not valid: each day needs a start before its end, on the quarter hour.</source>
        <translation>上班时间无效：每天的开始须早于结束，并按整刻钟设置。</translation>
    </message>
    <message>
        <source>&quot;{value}&quot; is not a date like 01-01 (month-day, day at most 28).</source>
        <translation>“{value}”不是 01-01 这样的日期（月-日，日不超过 28）。</translation>
    </message>
    <message>
        <source>This visit already has the customer&apos;s rating.</source>
        <translation>这次到店已经有客户评分了。</translation>
    </message>
    <message>
        <source>{name} no longer works here: choose someone else for this follow-up.</source>
        <translation>{name} 已离职，请为这条回访另选负责人。</translation>
    </message>
    <message>
        <source>Choose how the call went: reached, no answer, wrong number or declined.</source>
        <translation>请选择回访结果：已联系上、无人接听、号码错误或客户拒绝。</translation>
    </message>
    <message>
        <source>{name} has not agreed to be contacted for marketing, so no call can be planned.</source>
        <translation>{name} 未同意接收营销联系，不能安排回访。</translation>
    </message>
    <message>
        <source>This follow-up is assigned to someone else.</source>
        <translation>这条回访分配给了其他同事。</translation>
    </message>
    <message>
        <source>This follow-up no longer exists.</source>
        <translation>这条回访已不存在。</translation>
    </message>
    <message>
        <source>The service named is not part of the chosen visit.</source>
        <translation>所选项目不属于这次到店。</translation>
    </message>
    <message>
        <source>This complaint no longer exists.</source>
        <translation>这条投诉已不存在。</translation>
    </message>
    <message>
        <source>The complained-of visit has no service that can be done again.</source>
        <translation>被投诉的这次到店没有可以重做的服务项目。</translation>
    </message>
    <message>
        <source>The aftercare advice is too long (at most {max} characters).</source>
        <translation>护理建议太长了（最多 {max} 个字）。</translation>
    </message>
    <message>
        <source>The care tip is too long (at most {max} characters).</source>
        <translation>到店小贴士太长了（最多 {max} 个字）。</translation>
    </message>
    <message>
        <source>This follow-up is already closed.</source>
        <translation>这条回访已经结束。</translation>
    </message>
    <message>
        <source>A score for {dimension} must be a whole number from 1 to 5.</source>
        <translation>{dimension}的评分必须是 1 到 5 的整数。</translation>
    </message>
    <message>
        <source>The customer&apos;s rating must be a whole number from 1 to 5.</source>
        <translation>顾客评分必须是 1 到 5 的整数。</translation>
    </message>
    <message>
        <source>Scores are taken only on visit and complaint follow-ups.</source>
        <translation>只有服务回访和投诉回访才记录评分。</translation>
    </message>
    <message>
        <source>Scores can only be recorded when the customer was reached.</source>
        <translation>只有联系上顾客时才能记录评分。</translation>
    </message>
    <message>
        <source>The comment is too long (at most {max} characters).</source>
        <translation>备注太长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <source>This visit belongs to another customer: choose one of this customer&apos;s visits.</source>
        <translation>这次到店记录属于另一位顾客，请选择本顾客的到店记录。</translation>
    </message>
    <message>
        <source>The first response to this complaint is already recorded.</source>
        <translation>这条投诉的首次回应已经记录过了。</translation>
    </message>
    <message>
        <source>This complaint is already resolved.</source>
        <translation>这条投诉已经处理完毕。</translation>
    </message>
    <message>
        <source>Unknown complaint category.</source>
        <translation>未知的投诉类别。</translation>
    </message>
    <message>
        <source>Unknown channel.</source>
        <translation>未知的投诉渠道。</translation>
    </message>
    <message>
        <source>Unknown remedy.</source>
        <translation>未知的补救方式。</translation>
    </message>
    <message>
        <source>This time is before the complaint was received.</source>
        <translation>这个时间早于收到投诉的时间。</translation>
    </message>
    <message>
        <source>Please describe the complaint.</source>
        <translation>请填写投诉内容。</translation>
    </message>
    <message>
        <source>The description is too long (at most {max} characters).</source>
        <translation>投诉内容太长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <source>Choose the visit before the service concerned.</source>
        <translation>请先选择到店记录，再选择涉及的服务项目。</translation>
    </message>
    <message>
        <source>The time received cannot be in the future.</source>
        <translation>收到投诉的时间不能晚于现在。</translation>
    </message>
    <message>
        <source>Please write what was done.</source>
        <translation>请填写处理进展。</translation>
    </message>
    <message>
        <source>A progress entry cannot be dated before the last one.</source>
        <translation>处理进展的时间不能早于上一条。</translation>
    </message>
    <message>
        <source>Please enter the amount to refund.</source>
        <translation>请填写退款金额。</translation>
    </message>
    <message>
        <source>At most {limit} can be refunded for this visit, not {amount}.</source>
        <translation>这次到店最多可退 {limit}，不能退 {amount}。</translation>
    </message>
    <message>
        <source>An amount is given only with a refund.</source>
        <translation>只有退款才需要填写金额。</translation>
    </message>
    <message>
        <source>Please enter the points to give.</source>
        <translation>请填写补偿的积分。</translation>
    </message>
    <message>
        <source>Points are given only with the points remedy.</source>
        <translation>只有积分补偿才需要填写积分。</translation>
    </message>
    <message>
        <source>A refund or a redo needs the visit the complaint is about.</source>
        <translation>退款或重做需要先关联投诉涉及的到店记录。</translation>
    </message>
    <message>
        <source>Please say which gift or upgrade was given.</source>
        <translation>请写明赠送的礼品或升级的项目。</translation>
    </message>
    <message>
        <source>Choose at least one remedy (an apology is one).</source>
        <translation>请至少选择一种补救方式（道歉也算一种）。</translation>
    </message>
    <message>
        <source>Please write how the complaint was resolved.</source>
        <translation>请填写处理结果。</translation>
    </message>
    <message>
        <source>The resolution deadline ({resolution} h) cannot be shorter than the first response deadline ({response} h).</source>
        <translation>解决时限（{resolution} 小时）不能短于首次回应时限（{response} 小时）。</translation>
    </message>
    <message>
        <source>The bands of {measure} are out of order: the better band must start at a better value.</source>
        <translation>{measure} 的分段顺序不对：得分高的一段必须从更好的数值开始。</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a year (e.g. 2025).</source>
        <translation>“{text}”不是年份（例如 2025）。</translation>
    </message>
    <message>
        <source>{year} has not come yet: a year up to {this_year} can be exported.</source>
        <translation>{year} 年还没到：只能导出 {this_year} 年及以前的年份。</translation>
    </message>
    <message>
        <source>The shop has no sales before {first_year}: {year} cannot be exported.</source>
        <translation>本店 {first_year} 年以前没有销售记录，无法导出 {year} 年。</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a month (e.g. 2026-11).</source>
        <translation>“{text}”不是有效的月份（例如 2026-11）。</translation>
    </message>
    <message>
        <source>&quot;{text}&quot; is not a date (e.g. 2026-11-22).</source>
        <translation>“{text}”不是有效的日期（例如 2026-11-22）。</translation>
    </message>
    <message>
        <source>The start date {start} is after the end date {end}.</source>
        <translation>开始日期 {start} 晚于结束日期 {end}。</translation>
    </message>
    <message>
        <source>Choose where to save the report.</source>
        <translation>请选择报表的保存位置。</translation>
    </message>
    <message>
        <source>Cannot write {path}: choose another folder.</source>
        <translation>无法写入 {path}：请换一个文件夹。</translation>
    </message>
    <message>
        <source>The file {path} does not exist.</source>
        <translation>文件 {path} 不存在。</translation>
    </message>
    <message>
        <source>This shop has no active owner account.</source>
        <translation>本店没有在职的店长账号。</translation>
    </message>
    <message>
        <source>&quot;{address}&quot; is not an address for this kind of printer (e.g. 192.168.1.50:9100, 0416:5011, COM3 or the printer&apos;s name).</source>
        <translation>“{address}”不是这类打印机的地址（例如 192.168.1.50:9100、0416:5011、COM3 或打印机名称）。</translation>
    </message>
    <message>
        <source>The receipt printer is the system print queue: choose an ESC/POS printer in the settings first.</source>
        <translation>小票打印机设置为系统打印队列：请先在设置中选择 ESC/POS 打印机。</translation>
    </message>
    <message>
        <source>This computer cannot reach a printer this way ({printer}): the driver or library is missing.</source>
        <translation>本机无法以这种方式连接打印机（{printer}）：缺少驱动或程序库。</translation>
    </message>
    <message>
        <source>The receipt printer {printer} does not answer: is it switched on and connected?</source>
        <translation>小票打印机 {printer} 没有响应：请检查是否开机并已连接。</translation>
    </message>
    <message>
        <source>The receipt printer {printer} did not answer in time.</source>
        <translation>小票打印机 {printer} 响应超时。</translation>
    </message>
    <message>
        <source>The receipt printer is out of paper: load a new roll.</source>
        <translation>小票打印机缺纸：请装入新纸卷。</translation>
    </message>
    <message>
        <source>The receipt printer {printer} stopped while printing ({reason}).</source>
        <translation>小票打印机 {printer} 打印中断（{reason}）。</translation>
    </message>
    <message>
        <source>No cash drawer is set up on the receipt printer.</source>
        <translation>小票打印机上没有设置钱箱。</translation>
    </message>
    <message>
        <source>The reason is too long (at most {max} characters).</source>
        <translation>原因太长（最多 {max} 个字）。</translation>
    </message>
    <message>
        <source>The shop file is damaged.</source>
        <translation>店铺数据文件已损坏。</translation>
    </message>
    <message>
        <source>The shop file is in use by another program.</source>
        <translation>店铺数据文件正被另一个程序使用。</translation>
    </message>
    <message>
        <source>The shop file was written by a newer version of salon-desk.</source>
        <translation>店铺数据文件由更新版本的 salon-desk 写入。</translation>
    </message>
    <message>
        <source>The shop file cannot be opened.</source>
        <translation>无法打开店铺数据文件。</translation>
    </message>
    <message>
        <source>The key does not open the shop file (it belongs to another shop, or the file is damaged).</source>
        <translation>密钥打不开店铺数据文件（密钥属于另一家店，或文件已损坏）。</translation>
    </message>
    <message>
        <source>The shop file is encrypted and this computer has no key for it.</source>
        <translation>店铺数据文件已加密，这台电脑上没有它的密钥。</translation>
    </message>
    <message>
        <source>The shop file is not encrypted, although this computer keeps a key for it.</source>
        <translation>店铺数据文件没有加密，但这台电脑上保存着它的密钥。</translation>
    </message>
    <message>
        <source>The shop file is already encrypted.</source>
        <translation>店铺数据文件已经加密。</translation>
    </message>
    <message>
        <source>The shop file is open in salon-desk (this or another computer, or a command): close it everywhere, then restore.</source>
        <translation>店铺文件正在 salon-desk 中打开（本机、另一台电脑或命令行）：请先在所有地方关闭，再恢复。</translation>
    </message>
    <message>
        <source>That backup is empty (0 bytes); choose another one. Nothing was changed.</source>
        <translation>该备份是空文件（0 字节），请选择另一个备份。未做任何更改。</translation>
    </message>
    <message>
        <source>That file is not a salon-desk shop file; nothing was changed.</source>
        <translation>该文件不是 salon-desk 的店铺文件，未做任何更改。</translation>
    </message>
    <message>
        <source>Disk full: nothing was saved. Free some space on the disk (or ask your support person), then try again.</source>
        <translation>磁盘已满：本次未保存任何内容。请清理磁盘空间（或联系技术支持）后重试。</translation>
    </message>
    <message>
        <source>The shop file is read-only: nothing can be saved, sales cannot be taken.</source>
        <translation>店铺文件为只读：无法保存任何内容，不能收银。</translation>
    </message>
    <message>
        <source>The backup could not be written ({detail}); no incomplete copy was left. The shop file is unchanged.</source>
        <translation>备份未能写入（{detail}）；没有留下不完整的副本。店铺文件未改变。</translation>
    </message>
    <message>
        <source>The shop file is empty (0 bytes): it was not turned into a new shop. Restore the newest backup, or delete the file to start a new shop.</source>
        <translation>店铺文件是空的（0 字节），未将其当作新店铺。请恢复最新的备份，或删除该文件以新建店铺。</translation>
    </message>
    <message>
        <source>Choose how to take back the points beyond the member&apos;s balance: a negative balance, or deduct their value.</source>
        <translation>请选择如何扣回超出会员余额的积分：记为负余额，或从退款中扣除其价值。</translation>
    </message>
    <message>
        <source>A sale paid by the stored-value card gives its points back as a negative balance; their value cannot be deducted from the card.</source>
        <translation>用储值卡支付的消费，超出的积分只能记为负余额，不能从储值卡中扣除其价值。</translation>
    </message>
    <message>
        <source>That text has characters that are not valid (pasted from a damaged source); type it again.</source>
        <translation>该文字包含无效字符（可能是从损坏的来源粘贴的），请重新输入。</translation>
    </message>
    <message>
        <source>The shop file could not be encrypted; it is unchanged.</source>
        <translation>店铺数据文件未能加密，文件没有改动。</translation>
    </message>
    <message>
        <source>This is not a recovery key: check it for a typo (it has {expected} letters and digits).</source>
        <translation>这不是恢复密钥：请检查是否输错（共 {expected} 个字母和数字）。</translation>
    </message>
    <message>
        <source>Something went wrong ({code}).</source>
        <translation>出错了（{code}）。</translation>
    </message>
</context>
<context>
    <name>ExtendDialog</name>
    <message>
        <source>Extend a package</source>
        <translation>次卡延期</translation>
    </message>
    <message>
        <source>Extend (Enter)</source>
        <translation>延期（Enter）</translation>
    </message>
    <message>
        <source>New expiry:</source>
        <translation>新到期日：</translation>
    </message>
    <message>
        <source>{package}: {left} of {total} sessions left, valid until {until} ({status}).</source>
        <translation>{package}：剩余 {left} / {total} 次，有效期至 {until}（{status}）。</translation>
    </message>
</context>
<context>
    <name>GiftListBox</name>
    <message>
        <source>Gifts for points</source>
        <translation>积分兑换礼品</translation>
    </message>
    <message>
        <source> points</source>
        <translation> 积分</translation>
    </message>
    <message>
        <source>Add gift</source>
        <translation>添加礼品</translation>
    </message>
    <message>
        <source>New gift:</source>
        <translation>新礼品：</translation>
    </message>
    <message>
        <source>{name} — {points} points</source>
        <translation>{name} — {points} 积分</translation>
    </message>
</context>
<context>
    <name>GiftRedemptionDialog</name>
    <message>
        <source>Gifts for points</source>
        <translation>积分兑换礼品</translation>
    </message>
    <message>
        <source>{name} has {points} points. Choose a gift:</source>
        <translation>{name} 有 {points} 积分，请选择礼品：</translation>
    </message>
    <message>
        <source>{name} — {points} points</source>
        <translation>{name} — {points} 积分</translation>
    </message>
    <message>
        <source>{name} — {points} points (not enough points)</source>
        <translation>{name} — {points} 积分（积分不足）</translation>
    </message>
    <message>
        <source>The gift list is empty: the owner adds gifts under Catalogue and staff → Gifts for points.</source>
        <translation>礼品清单为空：请店长在“项目与员工 → 积分兑换礼品”中添加礼品。</translation>
    </message>
    <message>
        <source>Redeem (Enter)</source>
        <translation>兑换（Enter）</translation>
    </message>
    <message>
        <source>Give {name} “{gift}” for {points} points?</source>
        <translation>确认用 {points} 积分为 {name} 兑换“{gift}”？</translation>
    </message>
</context>
<context>
    <name>ItemsTab</name>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>e.g. do not wash your hair the day before</source>
        <translation>例如：染发前一天请勿洗头</translation>
    </message>
    <message>
        <source>Member discount applies</source>
        <translation>享受会员折扣</translation>
    </message>
    <message>
        <source>Offered (active)</source>
        <translation>在售（启用）</translation>
    </message>
    <message>
        <source>Save item</source>
        <translation>保存项目</translation>
    </message>
    <message>
        <source>New item</source>
        <translation>新增项目</translation>
    </message>
    <message>
        <source>Stock received / counted…</source>
        <translation>入库 / 盘点…</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>类型：</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>编号：</translation>
    </message>
    <message>
        <source>Item name:</source>
        <translation>名称：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Price (yuan):</source>
        <translation>价格（元）：</translation>
    </message>
    <message>
        <source>Usual duration:</source>
        <translation>常规时长：</translation>
    </message>
    <message>
        <source>Care tip (in the reminder):</source>
        <translation>到店小贴士（写进预约提醒）：</translation>
    </message>
    <message>
        <source>Opening stock:</source>
        <translation>期初库存：</translation>
    </message>
    <message>
        <source>Low-stock warning at:</source>
        <translation>库存预警数量：</translation>
    </message>
    <message>
        <source>Stock</source>
        <translation>库存</translation>
    </message>
    <message>
        <source>Quantity received (negative for a counted shortage):</source>
        <translation>入库数量（盘亏填负数）：</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>Regular member</source>
        <translation>普通会员</translation>
    </message>
    <message>
        <source>Silver member</source>
        <translation>银卡会员</translation>
    </message>
    <message>
        <source>Gold member</source>
        <translation>金卡会员</translation>
    </message>
    <message>
        <source>Diamond member</source>
        <translation>钻石会员</translation>
    </message>
    <message>
        <source>Not a member</source>
        <translation>非会员</translation>
    </message>
    <message>
        <source>Hair</source>
        <translation>美发</translation>
    </message>
    <message>
        <source>Beauty</source>
        <translation>美容</translation>
    </message>
    <message>
        <source>Nails</source>
        <translation>美甲</translation>
    </message>
    <message>
        <source>Skin care</source>
        <translation>护肤</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Package</source>
        <translation>次卡</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Stored-value card</source>
        <translation>储值卡</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>Cashier</source>
        <translation>收银员</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Not given</source>
        <translation>未填写</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>City</source>
        <translation>城市</translation>
    </message>
    <message>
        <source>County town</source>
        <translation>县城</translation>
    </message>
    <message>
        <source>Township</source>
        <translation>乡镇</translation>
    </message>
    <message>
        <source>Oily</source>
        <translation>油性</translation>
    </message>
    <message>
        <source>Dry</source>
        <translation>干性</translation>
    </message>
    <message>
        <source>Combination</source>
        <translation>混合</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>中性</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>敏感</translation>
    </message>
    <message>
        <source>Keep the customer file</source>
        <translation>建立并保存客户档案</translation>
    </message>
    <message>
        <source>Marketing contact</source>
        <translation>营销联系</translation>
    </message>
    <message>
        <source>Health notes (allergies, skin)</source>
        <translation>健康信息（过敏、皮肤状况）</translation>
    </message>
    <message>
        <source>Earned</source>
        <translation>消费积分</translation>
    </message>
    <message>
        <source>Redeemed</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <source>Referral bonus</source>
        <translation>推荐奖励</translation>
    </message>
    <message>
        <source>Birthday bonus</source>
        <translation>生日加倍</translation>
    </message>
    <message>
        <source>Gift</source>
        <translation>礼品兑换</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>积分清零</translation>
    </message>
    <message>
        <source>Refund reversal</source>
        <translation>退款冲回</translation>
    </message>
    <message>
        <source>Manual adjustment</source>
        <translation>手工调整</translation>
    </message>
    <message>
        <source>Merged files</source>
        <translation>档案合并</translation>
    </message>
    <message>
        <source>Yearly reset {param}</source>
        <translation>{param} 年度积分清零</translation>
    </message>
    <message>
        <source>Membership lapsed</source>
        <translation>会员资格取消</translation>
    </message>
    <message>
        <source>Membership reinstated</source>
        <translation>恢复会员资格</translation>
    </message>
    <message>
        <source>Customer data erased</source>
        <translation>客户信息已注销</translation>
    </message>
    <message>
        <source>Redeemed points returned</source>
        <translation>退款退回抵扣积分</translation>
    </message>
    <message>
        <source>Earned points taken back</source>
        <translation>退款扣回所得积分</translation>
    </message>
    <message>
        <source>Moved to customer file {param}</source>
        <translation>并入档案 {param}</translation>
    </message>
    <message>
        <source>Moved from customer file {param}</source>
        <translation>由档案 {param} 并入</translation>
    </message>
    <message>
        <source>Referred customer file {param}</source>
        <translation>推荐客户档案 {param}</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Voided</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>birthday free service</source>
        <translation>生日免费项目</translation>
    </message>
    <message>
        <source>birthday gift</source>
        <translation>生日礼物</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>{off}% off</source>
        <translation>减 {off}%</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>已预约</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>已到店</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No-show</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>星期日</translation>
    </message>
</context>
<context>
    <name>LevelDialog</name>
    <message>
        <source>Set a technician&apos;s level</source>
        <translation>设置技师级别</translation>
    </message>
    <message>
        <source>Staff member:</source>
        <translation>员工：</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>Level from:</source>
        <translation>生效日期：</translation>
    </message>
</context>
<context>
    <name>LevelsModel</name>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>From</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Staff name</source>
        <translation>员工</translation>
    </message>
</context>
<context>
    <name>LinesModel</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Designated</source>
        <translation>指定</translation>
    </message>
    <message>
        <source>Receipt no.</source>
        <translation>小票号</translation>
    </message>
    <message>
        <source>Customer (masked)</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Service or item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Base</source>
        <translation>业绩基数</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>分成</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Lead or assistant</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Rate / fee</source>
        <translation>比例 / 手工费</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>提成</translation>
    </message>
    <message>
        <source>(refund)</source>
        <translation>（退）</translation>
    </message>
    <message>
        <source>(card)</source>
        <translation>（卡）</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>轮牌</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Locked — log in to continue</source>
        <translation>已锁定 — 请登录后继续</translation>
    </message>
    <message>
        <source>Staff login:</source>
        <translation>员工账号：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Log in — {shop}</source>
        <translation>登录 — {shop}</translation>
    </message>
    <message>
        <source>Staff login:</source>
        <translation>员工账号：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Log in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Demo shop — click a login to fill it in</source>
        <translation>演示店铺 — 点击账号即可填入</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Read-only: this computer may not write the shop file, so sales cannot be taken and nothing can be changed. Check the file&apos;s permissions (or the disk), then start salon-desk again.</source>
        <translation>只读：本电脑无法写入店铺文件，因此不能收银，也不能做任何修改。请检查文件权限（或磁盘），然后重新启动 salon-desk。</translation>
    </message>
    <message>
        <source>The shop file is on a network share. Opening it from two computers there can damage it: keep it on this computer&apos;s own disk and use salon-desk from this computer only (sharing between computers needs the database server setup).</source>
        <translation>店铺文件位于网络共享上。在两台电脑上同时打开它可能会损坏文件：请将其放在本电脑自己的磁盘上，并只在本电脑上使用 salon-desk（多台电脑共享需要数据库服务器方案）。</translation>
    </message>
    <message>
        <source>Counter</source>
        <translation>收银台</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>My services</source>
        <translation>我的服务</translation>
    </message>
    <message>
        <source>My commission</source>
        <translation>我的提成</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Segments</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <source>Catalogue and staff</source>
        <translation>项目与员工</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Commission</source>
        <translation>提成</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Lock / switch user</source>
        <translation>锁定 / 切换用户</translation>
    </message>
    <message>
        <source>Lock / switch user (Ctrl+L)</source>
        <translation>锁定 / 切换用户 (Ctrl+L)</translation>
    </message>
    <message>
        <source>Staff: {name} ({role})</source>
        <translation>当前员工：{name}（{role}）</translation>
    </message>
    <message>
        <source>Mon</source>
        <translation>星期一</translation>
    </message>
    <message>
        <source>Tue</source>
        <translation>星期二</translation>
    </message>
    <message>
        <source>Wed</source>
        <translation>星期三</translation>
    </message>
    <message>
        <source>Thu</source>
        <translation>星期四</translation>
    </message>
    <message>
        <source>Fri</source>
        <translation>星期五</translation>
    </message>
    <message>
        <source>Sat</source>
        <translation>星期六</translation>
    </message>
    <message>
        <source>Sun</source>
        <translation>星期日</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
</context>
<context>
    <name>MembershipPanel</name>
    <message>
        <source>Gifts for points… (Ctrl+G)</source>
        <translation>积分兑换礼品…（Ctrl+G）</translation>
    </message>
    <message>
        <source>Give the birthday gift… (F11)</source>
        <translation>赠送生日礼品…（F11）</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>店长</translation>
    </message>
    <message>
        <source>reason (required)</source>
        <translation>原因（必填）</translation>
    </message>
    <message>
        <source>Adjust points</source>
        <translation>调整积分</translation>
    </message>
    <message>
        <source>Points:</source>
        <translation>积分：</translation>
    </message>
    <message>
        <source>Set tier…</source>
        <translation>设置等级…</translation>
    </message>
    <message>
        <source>Enrol as member…</source>
        <translation>办理入会…</translation>
    </message>
    <message>
        <source>Reinstate lapsed membership…</source>
        <translation>恢复失效会员…</translation>
    </message>
    <message>
        <source>Tier:</source>
        <translation>等级：</translation>
    </message>
    <message>
        <source>Not a member · {points} points</source>
        <translation>非会员 · {points} 积分</translation>
    </message>
    <message>
        <source>Lapsed ({tier})</source>
        <translation>已失效（{tier}）</translation>
    </message>
    <message>
        <source>{tier} · No. {no} · {points} points</source>
        <translation>{tier} · 会员号 {no} · {points} 积分</translation>
    </message>
    <message>
        <source>Joined {joined}; paid {spend} in {visits} visits since joining.</source>
        <translation>{joined} 入会；入会以来到店 {visits} 次，消费 {spend}。</translation>
    </message>
    <message>
        <source>Lapsed on {when}.</source>
        <translation>{when} 失效。</translation>
    </message>
    <message>
        <source>Set tier</source>
        <translation>设置等级</translation>
    </message>
    <message>
        <source>Reason for setting the tier by hand:</source>
        <translation>手工设置等级的原因：</translation>
    </message>
    <message>
        <source>Enrol as member</source>
        <translation>办理入会</translation>
    </message>
    <message>
        <source>Has {name} agreed to join as a member?</source>
        <translation>{name}是否同意成为会员？</translation>
    </message>
    <message>
        <source>Reinstate membership</source>
        <translation>恢复会员资格</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
</context>
<context>
    <name>MixChart</name>
    <message>
        <source>Payment mix (money received)</source>
        <translation>收款方式构成（收款）</translation>
    </message>
    <message>
        <source>{method} {share}</source>
        <translation>{method} {share}</translation>
    </message>
    <message>
        <source>Payment mix: no money received in this period</source>
        <translation>收款方式构成：本期没有收款</translation>
    </message>
</context>
<context>
    <name>NoShowFlag</name>
    <message>
        <source>No-shows: {count} (last {day})</source>
        <translation>爽约 {count} 次（最近 {day}）</translation>
    </message>
    <message>
        <source>Booked and did not come {count} times: confirm the booking the day before.</source>
        <translation>预约后未到店 {count} 次：请在前一天确认预约。</translation>
    </message>
</context>
<context>
    <name>OpenVisitsModel</name>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>到店时间</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Running total</source>
        <translation>累计（原价）</translation>
    </message>
    <message>
        <source>Walk-in #{id}</source>
        <translation>散客 #{id}</translation>
    </message>
</context>
<context>
    <name>Ops</name>
    <message>
        <source>Cannot do this</source>
        <translation>无法完成</translation>
    </message>
</context>
<context>
    <name>PackageRefundDialog</name>
    <message>
        <source>Refund a package</source>
        <translation>次卡退款</translation>
    </message>
    <message>
        <source>Refund (Enter)</source>
        <translation>退款（Enter）</translation>
    </message>
    <message>
        <source>Package:</source>
        <translation>次卡：</translation>
    </message>
    <message>
        <source>{package}: {left} of {total} sessions left</source>
        <translation>{package}：剩余 {left} / {total} 次</translation>
    </message>
    <message>
        <source>Mode:</source>
        <translation>退款方式：</translation>
    </message>
    <message>
        <source>Interest, % a year:</source>
        <translation>年利率（%）：</translation>
    </message>
    <message>
        <source>Paid back by:</source>
        <translation>退款途径：</translation>
    </message>
    <message>
        <source>Refund {refund} + interest {interest} = {total}</source>
        <translation>应退 {refund} + 利息 {interest} = {total}</translation>
    </message>
</context>
<context>
    <name>PackageSaleDialog</name>
    <message>
        <source>Sell a package</source>
        <translation>办理次卡</translation>
    </message>
    <message>
        <source>{name} · {sessions} + {gifted} sessions · {price}</source>
        <translation>{name} · {sessions} 次 + 赠 {gifted} 次 · {price}</translation>
    </message>
    <message>
        <source>Sell (Enter)</source>
        <translation>确认办理 (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Package:</source>
        <translation>次卡：</translation>
    </message>
    <message>
        <source>Paid by:</source>
        <translation>支付方式：</translation>
    </message>
    <message>
        <source>Sold by:</source>
        <translation>销售员工：</translation>
    </message>
    <message>
        <source>Due {amount}</source>
        <translation>应付 {amount}</translation>
    </message>
</context>
<context>
    <name>PaymentsModel</name>
    <message>
        <source>Payment</source>
        <translation>付款</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>{method} (tendered)</source>
        <translation>{method}（实收）</translation>
    </message>
</context>
<context>
    <name>PointsHistoryModel</name>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>员工</translation>
    </message>
</context>
<context>
    <name>PrintPreviewDialog</name>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>另存为 PDF…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Could not write {path}</source>
        <translation>无法写入 {path}</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Could not print: {problem}</source>
        <translation>无法打印：{problem}</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>Demo shop</source>
        <translation>演示店铺</translation>
    </message>
    <message>
        <source>Building the demo shop (once a day)…</source>
        <translation>正在生成演示店铺（每天一次）…</translation>
    </message>
</context>
<context>
    <name>QuickCustomerDialog</name>
    <message>
        <source>New customer</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>month</source>
        <translation>月</translation>
    </message>
    <message>
        <source>day</source>
        <translation>日</translation>
    </message>
    <message>
        <source>e.g. osmanthus tea, wants a blanket</source>
        <translation>如：桂花茶，要毛毯</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>姓名：</translation>
    </message>
    <message>
        <source>Mobile phone:</source>
        <translation>手机号：</translation>
    </message>
    <message>
        <source>Gender:</source>
        <translation>性别：</translation>
    </message>
    <message>
        <source>Birthday:</source>
        <translation>生日：</translation>
    </message>
    <message>
        <source>Preferences:</source>
        <translation>偏好：</translation>
    </message>
    <message>
        <source>Agrees that the shop keeps a customer file (required)</source>
        <translation>同意本店建立客户档案（必选）</translation>
    </message>
    <message>
        <source>Agrees to marketing messages</source>
        <translation>同意接收营销信息</translation>
    </message>
    <message>
        <source>Save and check in</source>
        <translation>保存并登记到店</translation>
    </message>
    <message>
        <source>Not a mainland mobile number (11 digits starting with 1); it can still be saved.</source>
        <translation>不是大陆手机号（1 开头的 11 位数字）；仍可保存。</translation>
    </message>
</context>
<context>
    <name>QuoteLinesModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source> (birthday)</source>
        <translation>（生日）</translation>
    </message>
    <message>
        <source> (package)</source>
        <translation>（次卡）</translation>
    </message>
</context>
<context>
    <name>ReceiptLinesModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>List price</source>
        <translation>原价</translation>
    </message>
    <message>
        <source>Discount</source>
        <translation>优惠</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source> (refunded)</source>
        <translation>（已退款）</translation>
    </message>
</context>
<context>
    <name>ReceiptStepDialog</name>
    <message>
        <source>Print receipt (F8)</source>
        <translation>打印小票 (F8)</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Could not print: {problem}</source>
        <translation>无法打印：{problem}</translation>
    </message>
    <message>
        <source>No default printer is set up. Use Preview… to choose a printer, or set a default printer in the system settings.</source>
        <translation>未设置默认打印机。请点“预览…”选择打印机，或在系统设置中设定默认打印机。</translation>
    </message>
    <message>
        <source>Receipt {no} sent to the printer.</source>
        <translation>小票 {no} 已发送到打印机。</translation>
    </message>
    <message>
        <source>The customer&apos;s rating: {stars} ({n} of 5) — thank you!</source>
        <translation>客户评分：{stars}（{n} 分）— 谢谢！</translation>
    </message>
    <message>
        <source>Printing receipt {no}…</source>
        <translation>正在打印小票 {no}…</translation>
    </message>
    <message>
        <source>The customer&apos;s rating (optional): Tab, then 1–5, or click a star</source>
        <translation>顾客评分（可选）：按 Tab 键后按 1–5，或点击星星</translation>
    </message>
    <message>
        <source>The sale is saved: press F8 to print again.</source>
        <translation>本单已保存：按 F8 重新打印。</translation>
    </message>
</context>
<context>
    <name>ReceiptSummaryDialog</name>
    <message>
        <source>Receipt {no}</source>
        <translation>小票 {no}</translation>
    </message>
    <message>
        <source>Change {amount}</source>
        <translation>找零 {amount}</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>完成 (Enter)</translation>
    </message>
    <message>
        <source>Welcome! Now a {tier}, member no. {no}</source>
        <translation>欢迎入会！现为{tier}，会员号 {no}</translation>
    </message>
    <message>
        <source>Promoted to {tier}! From the next visit.</source>
        <translation>升级为{tier}！下次消费起生效。</translation>
    </message>
    <message>
        <source>REPRINT</source>
        <translation>重印</translation>
    </message>
    <message>
        <source>Cashier: {name}</source>
        <translation>收银员：{name}</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>（已删除个人信息）</translation>
    </message>
    <message>
        <source> (refunded)</source>
        <translation>（已退款）</translation>
    </message>
    <message>
        <source>List total</source>
        <translation>标价合计</translation>
    </message>
    <message>
        <source>Member discount</source>
        <translation>会员折扣</translation>
    </message>
    <message>
        <source>Birthday free service</source>
        <translation>生日优惠</translation>
    </message>
    <message>
        <source>Points ({points})</source>
        <translation>积分抵扣（{points}分）</translation>
    </message>
    <message>
        <source>Amount due</source>
        <translation>应付金额</translation>
    </message>
    <message>
        <source>(tendered {amount})</source>
        <translation>（实收 {amount}）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>找零</translation>
    </message>
    <message>
        <source>Points earned (doubled for the birthday)</source>
        <translation>本次积分（生日双倍）</translation>
    </message>
    <message>
        <source>{points} (of which birthday +{bonus})</source>
        <translation>{points}（其中生日双倍 +{bonus}）</translation>
    </message>
    <message>
        <source>Points earned</source>
        <translation>本次积分</translation>
    </message>
    <message>
        <source>Points balance</source>
        <translation>积分余额</translation>
    </message>
    <message>
        <source>{kind} {amount} on {when} by {who}: {reason}</source>
        <translation>{when} {kind} {amount}，授权人 {who}：{reason}</translation>
    </message>
    <message>
        <source>Void</source>
        <translation>作废</translation>
    </message>
    <message>
        <source>Refund</source>
        <translation>退款</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyDialog</name>
    <message>
        <source>Encrypted shop file</source>
        <translation>店铺数据文件已加密</translation>
    </message>
    <message>
        <source>The shop file {path} is encrypted and this computer keeps no key for it. Type the owner&apos;s recovery key:</source>
        <translation>店铺数据文件 {path} 已加密，这台电脑上没有保存它的密钥。请输入店长的恢复密钥：</translation>
    </message>
</context>
<context>
    <name>RecoveryKeyNotice</name>
    <message>
        <source>Recovery key</source>
        <translation>恢复密钥</translation>
    </message>
    <message>
        <source>The shop file is encrypted: a stolen computer&apos;s file or backup cannot be read. This computer keeps the key, so nobody needs to type it at the start of the day.

Write this recovery key down and keep it away from the computer. It is needed to open the shop file or a backup on another computer. It is shown only now.</source>
        <translation>店铺数据文件已加密：即使电脑或备份被盗，数据也无法读取。密钥保存在这台电脑上，每天开店时无需输入。

请把这个恢复密钥抄下来，与电脑分开妥善保管。在另一台电脑上打开店铺数据文件或备份时需要它。它只显示这一次。</translation>
    </message>
</context>
<context>
    <name>RefundDialog</name>
    <message>
        <source>Refund or void — receipt {no}</source>
        <translation>退款或作废 — 小票 {no}</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>Refund the ticked lines</source>
        <translation>退勾选的项目</translation>
    </message>
    <message>
        <source>Void the whole sale (same day only)</source>
        <translation>整单作废（仅限当天）</translation>
    </message>
    <message>
        <source> (refunded)</source>
        <translation>（已退款）</translation>
    </message>
    <message>
        <source>As paid (each method its share)</source>
        <translation>按原支付方式（各方式按比例）</translation>
    </message>
    <message>
        <source>Money back by:</source>
        <translation>退款方式：</translation>
    </message>
    <message>
        <source>Points beyond the balance:</source>
        <translation>超出余额的积分：</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>原因：</translation>
    </message>
    <message>
        <source>Owner&apos;s login:</source>
        <translation>店长账号：</translation>
    </message>
    <message>
        <source>Owner&apos;s password:</source>
        <translation>店长密码：</translation>
    </message>
    <message>
        <source>Refund / void</source>
        <translation>退款 / 作废</translation>
    </message>
    <message>
        <source>Tick the lines to refund.</source>
        <translation>请勾选要退款的项目。</translation>
    </message>
    <message>
        <source>Accept a negative balance of {n} points (it cannot be redeemed; cleared at the yearly reset)</source>
        <translation>接受负积分余额 {n} 分（不能兑换；年度清零时归零）</translation>
    </message>
    <message>
        <source>Deduct their value, {amount}, from the money returned</source>
        <translation>从退款中扣除其价值 {amount}</translation>
    </message>
    <message>
        <source>Money back: {amount}</source>
        <translation>退还金额：{amount}</translation>
    </message>
    <message>
        <source>redeemed points given back: {n}</source>
        <translation>退回抵扣积分：{n}</translation>
    </message>
    <message>
        <source>earned points taken back: {n}</source>
        <translation>扣回所得积分：{n}</translation>
    </message>
    <message>
        <source>{n} of them beyond the member&apos;s balance (worth {amount})</source>
        <translation>其中 {n} 分超出会员积分余额（价值 {amount}）</translation>
    </message>
    <message>
        <source>tier spend reduced by {amount}</source>
        <translation>等级累计消费减少 {amount}</translation>
    </message>
    <message>
        <source>{qty} × {name} back to stock</source>
        <translation>{name} × {qty} 退回库存</translation>
    </message>
    <message>
        <source>birthday free service can be used again</source>
        <translation>生日免费项目可再次使用</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ReissueDialog</name>
    <message>
        <source>Reissue a lost card</source>
        <translation>挂失补卡</translation>
    </message>
    <message>
        <source>Reissue (Enter)</source>
        <translation>补卡（Enter）</translation>
    </message>
    <message>
        <source>Card lost</source>
        <translation>卡片遗失</translation>
    </message>
    <message>
        <source>Card {number} will stop working; a new number is issued on the same ledger. {balance} stays as it is.</source>
        <translation>卡号 {number} 将停用，在同一账户上发一个新卡号。{balance}不变。</translation>
    </message>
</context>
<context>
    <name>RemindersDialog</name>
    <message>
        <source>Tomorrow&apos;s reminders</source>
        <translation>明日预约提醒</translation>
    </message>
    <message>
        <source>Copy message (C)</source>
        <translation>复制话术 (C)</translation>
    </message>
    <message>
        <source>Mark sent (S)</source>
        <translation>标记已发送 (S)</translation>
    </message>
    <message>
        <source>sent {when} by {who}</source>
        <translation>{who} 已于 {when} 发送</translation>
    </message>
    <message>
        <source>to send</source>
        <translation>待发送</translation>
    </message>
    <message>
        <source>no contact consent</source>
        <translation>未同意联系</translation>
    </message>
    <message>
        <source>No bookings tomorrow.</source>
        <translation>明天没有预约。</translation>
    </message>
    <message>
        <source>No contact consent: do not send a message.</source>
        <translation>客户未同意联系：请勿发送信息。</translation>
    </message>
</context>
<context>
    <name>ReportWords</name>
    <message>
        <source>Revenue</source>
        <translation>营业收入</translation>
    </message>
    <message>
        <source>Payment methods</source>
        <translation>收款方式</translation>
    </message>
    <message>
        <source>Day by day</source>
        <translation>每日营业</translation>
    </message>
    <message>
        <source>Categories</source>
        <translation>项目分类</translation>
    </message>
    <message>
        <source>Top services (top {0})</source>
        <translation>热门服务（前 {0} 名）</translation>
    </message>
    <message>
        <source>Technicians</source>
        <translation>技师业绩</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>客户</translation>
    </message>
    <message>
        <source>Members by tier at the end</source>
        <translation>期末会员等级分布</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>积分</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>关键指标</translation>
    </message>
    <message>
        <source>Stored-value cards and packages</source>
        <translation>储值卡与次卡</translation>
    </message>
    <message>
        <source>Appointments</source>
        <translation>预约</translation>
    </message>
    <message>
        <source>Appointments by technician</source>
        <translation>预约（按技师）</translation>
    </message>
    <message>
        <source>Service quality: key figures</source>
        <translation>服务质量关键指标</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Complaints by category</source>
        <translation>投诉类别</translation>
    </message>
    <message>
        <source>Complaints by technician</source>
        <translation>投诉（按技师）</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Satisfaction by technician</source>
        <translation>满意度（按技师）</translation>
    </message>
    <message>
        <source>Follow-ups</source>
        <translation>回访</translation>
    </message>
    <message>
        <source>Customer classes ({0}-{1}-{2})</source>
        <translation>客户分类（{0}-{1}-{2}）</translation>
    </message>
    <message>
        <source>Customer classes</source>
        <translation>客户分类（）</translation>
    </message>
    <message>
        <source>At-risk customers (top {0} by two years&apos; spend)</source>
        <translation>风险客户（近两年消费前 {0} 名）</translation>
    </message>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Amount / count</source>
        <translation>金额 / 数量</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>退款</translation>
    </message>
    <message>
        <source>Net</source>
        <translation>净额</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>小票数</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Received net</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Quantity</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>At list price</source>
        <translation>标价金额</translation>
    </message>
    <message>
        <source>After discounts</source>
        <translation>折后金额</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>排名</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>服务项目</translation>
    </message>
    <message>
        <source>Times</source>
        <translation>次数</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Services</source>
        <translation>服务次数</translation>
    </message>
    <message>
        <source>Customers served</source>
        <translation>服务顾客</translation>
    </message>
    <message>
        <source>Sales (after discounts)</source>
        <translation>业绩（折后）</translation>
    </message>
    <message>
        <source>Net sales</source>
        <translation>净业绩</translation>
    </message>
    <message>
        <source>People / visits</source>
        <translation>人数 / 人次</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人数</translation>
    </message>
    <message>
        <source>Points / amount</source>
        <translation>积分 / 金额</translation>
    </message>
    <message>
        <source>Figure</source>
        <translation>指标</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>本期</translation>
    </message>
    <message>
        <source>Numerator / denominator</source>
        <translation>分子 / 分母</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>目标</translation>
    </message>
    <message>
        <source>Count / share</source>
        <translation>数量 / 比例</translation>
    </message>
    <message>
        <source>Booked</source>
        <translation>预约数</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>已完成</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>No-shows</source>
        <translation>爽约</translation>
    </message>
    <message>
        <source>No-show rate</source>
        <translation>爽约率</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Number of complaints</source>
        <translation>投诉数</translation>
    </message>
    <message>
        <source>Average (out of {0})</source>
        <translation>平均分（满分 {0}）</translation>
    </message>
    <message>
        <source>Ratings</source>
        <translation>评分数</translation>
    </message>
    <message>
        <source>Follow-up rating</source>
        <translation>回访评分</translation>
    </message>
    <message>
        <source>Follow-up ratings</source>
        <translation>回访评分数</translation>
    </message>
    <message>
        <source>Checkout rating</source>
        <translation>结账评分</translation>
    </message>
    <message>
        <source>Checkout ratings</source>
        <translation>结账评分数</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Due this period</source>
        <translation>本期到期</translation>
    </message>
    <message>
        <source>Done on time</source>
        <translation>按时完成</translation>
    </message>
    <message>
        <source>On-time rate</source>
        <translation>按时完成率</translation>
    </message>
    <message>
        <source>At the end</source>
        <translation>期末人数</translation>
    </message>
    <message>
        <source>A month before</source>
        <translation>上月末人数</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Spent in two years</source>
        <translation>近两年消费</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>List total</source>
        <translation>标价合计</translation>
    </message>
    <message>
        <source>Member discounts</source>
        <translation>会员折扣</translation>
    </message>
    <message>
        <source>Birthday discounts</source>
        <translation>生日优惠</translation>
    </message>
    <message>
        <source>Paid with points</source>
        <translation>积分抵扣</translation>
    </message>
    <message>
        <source>Due (after discounts)</source>
        <translation>应收合计（折后）</translation>
    </message>
    <message>
        <source>Refunds ({0})</source>
        <translation>退款（{0} 笔）</translation>
    </message>
    <message>
        <source>Net received</source>
        <translation>实收净额</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>平均客单价</translation>
    </message>
    <message>
        <source>Voided receipts ({0}, not revenue)</source>
        <translation>作废单（{0} 笔，不计入收入）</translation>
    </message>
    <message>
        <source>(no technician)</source>
        <translation>（未指定技师）</translation>
    </message>
    <message>
        <source>Visits</source>
        <translation>到店人次</translation>
    </message>
    <message>
        <source>of which members</source>
        <translation>其中会员</translation>
    </message>
    <message>
        <source>of which walk-ins (no file)</source>
        <translation>其中散客（未建档）</translation>
    </message>
    <message>
        <source>Customers (each once)</source>
        <translation>到店客户数（去重）</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>of which referred by a customer</source>
        <translation>其中老客户介绍</translation>
    </message>
    <message>
        <source>New members</source>
        <translation>新入会会员</translation>
    </message>
    <message>
        <source>Members moved up a tier</source>
        <translation>会员升级</translation>
    </message>
    <message>
        <source>Members lapsed</source>
        <translation>流失会员（会员资格失效）</translation>
    </message>
    <message>
        <source>Members at the end</source>
        <translation>期末会员总数</translation>
    </message>
    <message>
        <source>Points balance at the start</source>
        <translation>期初积分余额</translation>
    </message>
    <message>
        <source>Given (purchases, birthday double, referrals)</source>
        <translation>本期发放（消费、生日加倍、推荐奖励）</translation>
    </message>
    <message>
        <source>Redeemed (payments and gifts)</source>
        <translation>本期抵扣及礼品兑换</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>本期过期清零</translation>
    </message>
    <message>
        <source>Other changes (refunds, by hand, merges)</source>
        <translation>其他调整（退款冲回、手工、合并）</translation>
    </message>
    <message>
        <source>Points balance at the end</source>
        <translation>期末积分余额</translation>
    </message>
    <message>
        <source>Points at the end in money ({0} points = ¥{1}; owed)</source>
        <translation>期末积分折合金额（{0} 分 = ￥{1}，负债）</translation>
    </message>
    <message>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Referral rate</source>
        <translation>转介绍率</translation>
    </message>
    <message>
        <source>at least {0}%</source>
        <translation>不低于 {0}%</translation>
    </message>
    <message>
        <source>Card top-ups received ({0}; prepaid, not revenue)</source>
        <translation>充值收款（{0} 笔，预收款，不计营业收入）</translation>
    </message>
    <message>
        <source>Bonus given with top-ups</source>
        <translation>充值赠送金额</translation>
    </message>
    <message>
        <source>Spent from cards</source>
        <translation>储值卡消费（卡耗）</translation>
    </message>
    <message>
        <source>of which principal</source>
        <translation>其中本金</translation>
    </message>
    <message>
        <source>of which bonus</source>
        <translation>其中赠送金</translation>
    </message>
    <message>
        <source>Packages sold ({0}; revenue on the day sold)</source>
        <translation>次卡销售（{0} 张，计入当日营业收入）</translation>
    </message>
    <message>
        <source>Package sessions used ({0}, at the value paid)</source>
        <translation>次卡消耗（{0} 次，按实际价值，卡耗）</translation>
    </message>
    <message>
        <source>Package sessions used at list price</source>
        <translation>次卡消耗按标价</translation>
    </message>
    <message>
        <source>Prepaid money refunded ({0}, interest included)</source>
        <translation>预付款退款（{0} 笔，含利息）</translation>
    </message>
    <message>
        <source>Bonus written off</source>
        <translation>赠送金核销</translation>
    </message>
    <message>
        <source>Card balances at the end: principal (owed)</source>
        <translation>期末储值余额：本金（负债）</translation>
    </message>
    <message>
        <source>Card balances at the end: bonus</source>
        <translation>期末储值余额：赠送金</translation>
    </message>
    <message>
        <source>Package sessions left at the end</source>
        <translation>期末次卡剩余次数</translation>
    </message>
    <message>
        <source>Package sessions left at the end, at the value paid (owed)</source>
        <translation>期末次卡剩余价值（按实际价值，负债）</translation>
    </message>
    <message>
        <source>Appointments (by their time)</source>
        <translation>预约数（按预约时间）</translation>
    </message>
    <message>
        <source>No-show rate (no-shows ÷ appointments not cancelled)</source>
        <translation>爽约率（爽约 ÷ 未取消的预约）</translation>
    </message>
    <message>
        <source>Booked share of visits (booked visits ÷ visits)</source>
        <translation>预约到店占比（预约到店 ÷ 到店人次）</translation>
    </message>
    <message>
        <source>Complaint rate</source>
        <translation>投诉率</translation>
    </message>
    <message>
        <source>below {0}%</source>
        <translation>低于 {0}%</translation>
    </message>
    <message>
        <source>Answered within {0} hours</source>
        <translation>{0} 小时内首次回应率</translation>
    </message>
    <message>
        <source>Follow-ups done on time</source>
        <translation>回访按时完成率</translation>
    </message>
    <message>
        <source>Average satisfaction (follow-up ratings)</source>
        <translation>平均满意度（回访评分）</translation>
    </message>
    <message>
        <source>Average satisfaction (checkout ratings)</source>
        <translation>平均满意度（结账评分）</translation>
    </message>
    <message>
        <source>{0} ratings</source>
        <translation>{0} 项评分</translation>
    </message>
    <message>
        <source>{0} ratings at checkout</source>
        <translation>{0} 次评分</translation>
    </message>
    <message>
        <source>out of {0}</source>
        <translation>满分 {0}</translation>
    </message>
    <message>
        <source>Complaints received</source>
        <translation>收到投诉</translation>
    </message>
    <message>
        <source>Complaint rate (complaints ÷ visits)</source>
        <translation>投诉率（投诉 ÷ 到店人次）</translation>
    </message>
    <message>
        <source>Answered late</source>
        <translation>回应超时（已回应）</translation>
    </message>
    <message>
        <source>Overdue, not answered</source>
        <translation>超时仍未回应</translation>
    </message>
    <message>
        <source>Average time to first answer</source>
        <translation>平均首次回应时间</translation>
    </message>
    <message>
        <source>Average time to resolve</source>
        <translation>平均解决时间</translation>
    </message>
    <message>
        <source>{0} hours</source>
        <translation>{0} 小时</translation>
    </message>
    <message>
        <source>(no technician involved)</source>
        <translation>（未涉及技师）</translation>
    </message>
    <message>
        <source>Follow-up rating: overall</source>
        <translation>回访评分：综合</translation>
    </message>
    <message>
        <source>Attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Skill</source>
        <translation>技术水平</translation>
    </message>
    <message>
        <source>Surroundings</source>
        <translation>服务环境</translation>
    </message>
    <message>
        <source>Customers&apos; ratings at checkout (counted apart)</source>
        <translation>结账时顾客评分（单独统计）</translation>
    </message>
    <message>
        <source>Regular member</source>
        <translation>普通会员</translation>
    </message>
    <message>
        <source>Silver member</source>
        <translation>银卡会员</translation>
    </message>
    <message>
        <source>Gold member</source>
        <translation>金卡会员</translation>
    </message>
    <message>
        <source>Diamond member</source>
        <translation>钻石会员</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>WeChat Pay</source>
        <translation>微信支付</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>Stored-value card</source>
        <translation>储值卡</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Hair</source>
        <translation>美发</translation>
    </message>
    <message>
        <source>Beauty</source>
        <translation>美容</translation>
    </message>
    <message>
        <source>Nails</source>
        <translation>美甲</translation>
    </message>
    <message>
        <source>Skin care</source>
        <translation>护肤</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>产品</translation>
    </message>
    <message>
        <source>Technique</source>
        <translation>技术</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>效果</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>环境</translation>
    </message>
    <message>
        <source>Aftercare call</source>
        <translation>服务回访</translation>
    </message>
    <message>
        <source>Product check</source>
        <translation>产品回访</translation>
    </message>
    <message>
        <source>Lapsing customer</source>
        <translation>服务预警</translation>
    </message>
    <message>
        <source>Birthday wishes</source>
        <translation>生日祝福</translation>
    </message>
    <message>
        <source>Complaint call</source>
        <translation>投诉回访</translation>
    </message>
    <message>
        <source>Complaint resolution call</source>
        <translation>投诉处理满意度回访</translation>
    </message>
    <message>
        <source>Care cycle reminder</source>
        <translation>护理周期提醒</translation>
    </message>
    <message>
        <source>Key customers</source>
        <translation>重点客户</translation>
    </message>
    <message>
        <source>Promising customers</source>
        <translation>潜力客户</translation>
    </message>
    <message>
        <source>Steady customers</source>
        <translation>稳定客户</translation>
    </message>
    <message>
        <source>At-risk customers</source>
        <translation>风险客户</translation>
    </message>
    <message>
        <source>{0} days since the last visit, usually every {1} days</source>
        <translation>{0} 天未到店，平时约 {1} 天一次</translation>
    </message>
    <message>
        <source>{0} days since the last visit, came on one day in two years</source>
        <translation>{0} 天未到店，近两年只来过一天</translation>
    </message>
    <message>
        <source>{1} visits and ¥{2} in {0} months: both low</source>
        <translation>近{0}个月到店 {1} 次，消费 ¥{2}，均偏低</translation>
    </message>
    <message>
        <source>Repurchase rate: the share of this period&apos;s customers with a file who also bought in the {0} days before it (numerator: customers who bought in both; denominator: this period&apos;s customers, walk-ins left out).</source>
        <translation>复购率：本期到店的建档客户中，在本期开始前 {0} 天内也曾到店消费的客户所占比例（分子：两段时间都有消费的客户数；分母：本期到店客户数，散客不计）。</translation>
    </message>
    <message>
        <source>Referral rate: the share of this period&apos;s new customers referred by a customer (the file names who referred them); the target is at least {0}%.</source>
        <translation>转介绍率：本期新客户中，由老客户介绍而来（档案登记了介绍人）的客户所占比例，目标不低于 {0}%。</translation>
    </message>
    <message>
        <source>Net received = due - this period&apos;s refunds; due = list total - member discounts - birthday discounts - paid with points. Voided receipts are not revenue; a refund counts on the day it is made, and may be of an earlier month&apos;s sale.</source>
        <translation>实收净额 = 应收合计 - 本期退款；应收合计 = 标价合计 - 会员折扣 - 生日优惠 - 积分抵扣。作废单不计入收入；退款按退款日期计入当期，可能属于以前月份的消费。</translation>
    </message>
    <message>
        <source>Average ticket = due ÷ receipts. Points at the end in money is what customers can still pay with points: the shop owes it.</source>
        <translation>平均客单价 = 应收合计 ÷ 小票数。期末积分折合金额为顾客尚可抵扣的金额，属于店铺负债。</translation>
    </message>
    <message>
        <source>Card top-ups are prepaid money: not revenue and no points; what is spent from a card is revenue on the day it is spent, and &quot;Stored-value card&quot; among the payment methods is not new money. A package is revenue on the day it is sold; its sessions used are valued at the price paid ÷ sessions, and are not revenue again.</source>
        <translation>储值卡充值是预收款，不计入营业收入，也不计积分；储值卡消费（卡耗）计入消费当日的营业收入，收款方式中的“储值卡”不是新收到的钱。次卡在售出当日计入营业收入；次卡消耗（卡耗）按实付 ÷ 总次数计价，不再计入收入。</translation>
    </message>
    <message>
        <source>Complaint rate = complaints received this month ÷ this month&apos;s visits (target below {0}%).</source>
        <translation>投诉率 = 本月收到的投诉数 ÷ 本月到店人次（目标 &lt; {0}%）。</translation>
    </message>
    <message>
        <source>Answered within {0} hours = this month&apos;s complaints answered in time ÷ complaints answered or overdue (those not yet due and not answered are left out).</source>
        <translation>{0} 小时内首次回应率 = 本月收到的投诉中在首次回应时限内回应的 ÷ 已回应或已超时的投诉（尚未到时限且未回应的不计）。</translation>
    </message>
    <message>
        <source>Average time to answer / resolve = hours from receiving a complaint to its first answer / resolution, of answered / resolved complaints only.</source>
        <translation>平均回应 / 解决时间 = 从收到投诉到首次回应 / 解决的小时数，只计已回应 / 已解决的投诉。</translation>
    </message>
    <message>
        <source>Satisfaction = the average of follow-up ratings (attitude, technique, surroundings, {0}–{1}); customers&apos; ratings at checkout are counted apart.</source>
        <translation>满意度 = 回访评分（服务态度、技术水平、服务环境，{0}–{1} 分）的平均；结账时的顾客评分单独统计。</translation>
    </message>
    <message>
        <source>Follow-ups done on time = this month&apos;s due follow-ups done by their date ÷ this month&apos;s due follow-ups; done means finished by the month&apos;s end (no answer counts).</source>
        <translation>回访按时完成率 = 本月到期的回访中在到期前完成的 ÷ 本月到期的回访；完成指本月底前已结束（含未接通等结果）。</translation>
    </message>
    <message>
        <source>Scores are the shop&apos;s tertiles: customers sorted by the figure and cut into three groups, equal figures always in one group; of all such cuts the one with groups closest to a third each (with at least three different figures no group is empty; with two they score {0} and {1}, with one all score {2}). The owner may set the bands instead.</source>
        <translation>得分按全店三分位：把客户按该项数值排序，分成三组，数值相同的客户一定在同一组（得分相同）；在所有分法中取三组人数最接近各占三分之一的一种（至少有三种不同数值时每组都有人；两种数值时分别为 {0} 分和 {1} 分，只有一种数值时都是 {2} 分）。店长也可以自行设定分段。</translation>
    </message>
    <message>
        <source>Key customers: R, F and M all {0}; at-risk customers: R is {1}, or F and M both {2}; steady customers: of the rest, F and M both at least {3}; promising customers: the rest (came lately, but few visits or little spent: room to grow).</source>
        <translation>重点客户：R、F、M 均为 {0} 分；风险客户：R 为 {1} 分，或 F 和 M 均为 {2} 分；稳定客户：其余客户中 F 和 M 均不低于 {3} 分；潜力客户：其余客户（近期来过，但到店次数或消费金额仍偏低，有提升空间）。</translation>
    </message>
    <message>
        <source>R (days since the last purchase, the shop&apos;s tertiles)</source>
        <translation>R（距上次消费天数，全店三分位）</translation>
    </message>
    <message>
        <source>R (days since the last purchase, set by the owner)</source>
        <translation>R（距上次消费天数，店长设定）</translation>
    </message>
    <message>
        <source>F (visits in {0} months, the shop&apos;s tertiles)</source>
        <translation>F（近{0}个月到店次数，全店三分位）</translation>
    </message>
    <message>
        <source>F (visits in {0} months, set by the owner)</source>
        <translation>F（近{0}个月到店次数，店长设定）</translation>
    </message>
    <message>
        <source>M (spent in {0} months, the shop&apos;s tertiles)</source>
        <translation>M（近{0}个月消费金额，全店三分位）</translation>
    </message>
    <message>
        <source>M (spent in {0} months, set by the owner)</source>
        <translation>M（近{0}个月消费金额，店长设定）</translation>
    </message>
    <message>
        <source>{0} days: {1}</source>
        <translation>{0} 天 {1} 分</translation>
    </message>
    <message>
        <source>{0}–{1} days: {2}</source>
        <translation>{0}–{1} 天 {2} 分</translation>
    </message>
    <message>
        <source>{0} days or more: {1}</source>
        <translation>{0} 天及以上 {1} 分</translation>
    </message>
    <message>
        <source>{0} visits: {1}</source>
        <translation>{0} 次 {1} 分</translation>
    </message>
    <message>
        <source>{0}–{1} visits: {2}</source>
        <translation>{0}–{1} 次 {2} 分</translation>
    </message>
    <message>
        <source>{0} visits or more: {1}</source>
        <translation>{0} 次及以上 {1} 分</translation>
    </message>
    <message>
        <source>¥{0}: {1}</source>
        <translation>¥{0} {1} 分</translation>
    </message>
    <message>
        <source>¥{0}–¥{1}: {2}</source>
        <translation>¥{0}–¥{1} {2} 分</translation>
    </message>
    <message>
        <source>¥{0} or more: {1}</source>
        <translation>¥{0}及以上 {1} 分</translation>
    </message>
    <message>
        <source>(none): {0}</source>
        <translation>（无） {0} 分</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>打印…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>保存 PDF…</translation>
    </message>
    <message>
        <source>Save Excel (XLSX)…</source>
        <translation>保存 Excel…</translation>
    </message>
    <message>
        <source>Save CSV…</source>
        <translation>保存 CSV…</translation>
    </message>
    <message>
        <source>Prepaid balances list…</source>
        <translation>预付余额清单…</translation>
    </message>
    <message>
        <source>Commission sheet…</source>
        <translation>提成表…</translation>
    </message>
    <message>
        <source>Export a year…</source>
        <translation>导出全年…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>统计期间：</translation>
    </message>
    <message>
        <source>Net received</source>
        <translation>实收净额</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>小票数</translation>
    </message>
    <message>
        <source>Average ticket</source>
        <translation>平均客单价</translation>
    </message>
    <message>
        <source>Customers</source>
        <translation>到店客户</translation>
    </message>
    <message>
        <source>New customers</source>
        <translation>新客户</translation>
    </message>
    <message>
        <source>Repurchase rate</source>
        <translation>复购率</translation>
    </message>
    <message>
        <source>Today ({date})</source>
        <translation>今天（{date}）</translation>
    </message>
    <message>
        <source>{year}-{month} (so far)</source>
        <translation>{year}年{month}月（本月至今）</translation>
    </message>
    <message>
        <source>{year}-{month}</source>
        <translation>{year}年{month}月</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报表</translation>
    </message>
    <message>
        <source>Working out the figures…</source>
        <translation>正在计算报表数据…</translation>
    </message>
    <message>
        <source>{shop} — business report {period}</source>
        <translation>{shop}&#x3000;{period}经营报表</translation>
    </message>
    <message>
        <source>The shop</source>
        <translation>本店</translation>
    </message>
    <message>
        <source>From {start} to {end}, worked out at {when}</source>
        <translation>统计期间 {start} 至 {end}，生成于 {when}</translation>
    </message>
    <message>
        <source>{year}-{month}-{day}</source>
        <translation>{year}年{month}月{day}日</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>将报表保存为 PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>PDF 文件 (*.pdf)</translation>
    </message>
    <message>
        <source>Save the figures as Excel</source>
        <translation>将数据保存为 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save the figures as CSV</source>
        <translation>将数据保存为 CSV</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Saving</source>
        <translation>正在保存</translation>
    </message>
    <message>
        <source>Saving {path}…</source>
        <translation>正在保存 {path}…</translation>
    </message>
    <message>
        <source>Not saved: cancelled.</source>
        <translation>未保存：已取消。</translation>
    </message>
    <message>
        <source>Could not write {path}: {problem}</source>
        <translation>无法写入 {path}：{problem}</translation>
    </message>
    <message>
        <source>Saved to {path}</source>
        <translation>已保存到 {path}</translation>
    </message>
    <message>
        <source>Save the prepaid balances list</source>
        <translation>保存储值卡/次卡余额清单</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;CSV files (*.csv)</source>
        <translation>Excel 工作簿 (*.xlsx);;CSV 文件 (*.csv)</translation>
    </message>
    <message>
        <source>Save the commission sheet</source>
        <translation>保存提成表</translation>
    </message>
</context>
<context>
    <name>RuleDialog</name>
    <message>
        <source>New version of rule #{no}</source>
        <translation>规则 #{no} 的新版本</translation>
    </message>
    <message>
        <source>New commission rule</source>
        <translation>新增提成规则</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>any level</source>
        <translation>不限级别</translation>
    </message>
    <message>
        <source>Pay a fixed labour fee per service (手工费) instead of a rate</source>
        <translation>按固定手工费计提（不按比例）</translation>
    </message>
    <message>
        <source>A free redo from a complaint (a ¥0 line) still earns the fee</source>
        <translation>投诉免费重做（¥0 项目）也计手工费</translation>
    </message>
    <message>
        <source>A lower rate when paid by stored value or a package session:</source>
        <translation>储值卡或次卡支付时按较低比例：</translation>
    </message>
    <message>
        <source>from ¥ : %, e.g. 0:0, 20000:2, 50000:3</source>
        <translation>起点金额（元）: 比例（%），例如 0:0, 20000:2, 50000:3</translation>
    </message>
    <message>
        <source>progressive (each band&apos;s rate on the part inside it)</source>
        <translation>超额累进（各档比例只计本档内的部分）</translation>
    </message>
    <message>
        <source>retroactive (the highest band reached, on the whole month)</source>
        <translation>全额累进（达到的最高档比例计全月）</translation>
    </message>
    <message>
        <source>Ends before:</source>
        <translation>截止（不含）：</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>适用于：</translation>
    </message>
    <message>
        <source>Staff member (a special rule):</source>
        <translation>员工（个人特殊规则）：</translation>
    </message>
    <message>
        <source>Level:</source>
        <translation>级别：</translation>
    </message>
    <message>
        <source>Service category:</source>
        <translation>项目类别：</translation>
    </message>
    <message>
        <source>Designated (指定) rate, or the one rate of a product or card sale:</source>
        <translation>指定比例（产品、卡项销售的唯一比例）：</translation>
    </message>
    <message>
        <source>Rotation (轮牌) rate:</source>
        <translation>轮牌比例：</translation>
    </message>
    <message>
        <source>Labour fee (¥):</source>
        <translation>手工费（元）：</translation>
    </message>
    <message>
        <source>Monthly tiers on labour value:</source>
        <translation>月度阶梯（按劳动业绩）：</translation>
    </message>
    <message>
        <source>Tiers are paid:</source>
        <translation>阶梯计算方式：</translation>
    </message>
    <message>
        <source>Monthly tiers are read from a service rule without a category: the technician&apos;s own, their level&apos;s, or the default rule.</source>
        <translation>月度阶梯取自不限类别的服务规则：技师本人的、其级别的或默认规则。</translation>
    </message>
    <message>
        <source>In force from:</source>
        <translation>生效日期：</translation>
    </message>
</context>
<context>
    <name>RulesModel</name>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>For</source>
        <translation>适用于</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>For whom</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Item category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>From</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Designated</source>
        <translation>指定</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>轮牌</translation>
    </message>
    <message>
        <source>Labour fee</source>
        <translation>手工费</translation>
    </message>
    <message>
        <source>Paid by card / session</source>
        <translation>卡耗比例</translation>
    </message>
    <message>
        <source>Monthly tiers</source>
        <translation>月度阶梯</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>截止</translation>
    </message>
    <message>
        <source>progressive</source>
        <translation>超额累进</translation>
    </message>
    <message>
        <source>retroactive</source>
        <translation>全额累进</translation>
    </message>
    <message>
        <source>(also on free redos)</source>
        <translation>（免费重做也计）</translation>
    </message>
    <message>
        <source>everyone</source>
        <translation>所有人</translation>
    </message>
    <message>
        <source>any</source>
        <translation>不限</translation>
    </message>
</context>
<context>
    <name>RulesView</name>
    <message>
        <source>Which rule pays a line: the most specific rule in force on the day of the sale. A staff member&apos;s special rule &gt; level × category &gt; category &gt; level &gt; the default rule. Between two rules equally specific, the one in force from the later day wins. A change is a new version from its day on: sales before that day keep the rule they were paid by. A service line pays its designated (指定) or rotation (轮牌) rate, or the fixed labour fee; a line paid by stored value or a package session pays the lower rate when the rule has one. Each contributor&apos;s amount is rounded to the fen on their own share of the base.</source>
        <translation>哪条规则计提：以销售当天有效、最具体的规则为准。员工个人特殊规则 &gt; 级别 × 类别 &gt; 类别 &gt; 级别 &gt; 默认规则。同样具体的两条规则，生效日期较晚的优先。修改规则即从生效日起新增一个版本：此前的销售仍按原规则计提。服务项目按指定或轮牌比例计提，或按固定手工费；用储值卡或次卡支付的项目，规则设有较低比例时按较低比例。每人的提成按其本人分成的业绩基数计算，各自四舍五入到分。</translation>
    </message>
    <message>
        <source>New rule…</source>
        <translation>新增规则…</translation>
    </message>
    <message>
        <source>New version of the chosen rule…</source>
        <translation>修改所选规则（新版本）…</translation>
    </message>
    <message>
        <source>Set a level…</source>
        <translation>设置级别…</translation>
    </message>
    <message>
        <source>Rules</source>
        <translation>提成规则</translation>
    </message>
    <message>
        <source>Technician levels</source>
        <translation>技师级别</translation>
    </message>
    <message>
        <source>Choose the rule to change first.</source>
        <translation>请先选择要修改的规则。</translation>
    </message>
</context>
<context>
    <name>SalesHistory</name>
    <message>
        <source>Reprint receipt…</source>
        <translation>重印小票…</translation>
    </message>
    <message>
        <source>Preview the receipt marked REPRINT, then print or save it</source>
        <translation>预览标有“重印”的小票，再打印或保存</translation>
    </message>
    <message>
        <source>Refund / void slip…</source>
        <translation>退款 / 作废单…</translation>
    </message>
    <message>
        <source>Refund or void…</source>
        <translation>退款或作废…</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
</context>
<context>
    <name>SalesModel</name>
    <message>
        <source>Receipt</source>
        <translation>小票</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Items</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>实付</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>散客</translation>
    </message>
    <message>
        <source>(erased)</source>
        <translation>（已删除个人信息）</translation>
    </message>
    <message>
        <source>, refunded {amount}</source>
        <translation>，已退 {amount}</translation>
    </message>
</context>
<context>
    <name>SegmentTableModel</name>
    <message>
        <source>Customer</source>
        <translation>顾客</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>电话</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Days since</source>
        <translation>未到店天数</translation>
    </message>
    <message>
        <source>Visits (12 mo.)</source>
        <translation>到店次数（12个月）</translation>
    </message>
    <message>
        <source>Paid (12 mo.)</source>
        <translation>消费金额（12个月）</translation>
    </message>
    <message>
        <source>Why at risk</source>
        <translation>风险原因</translation>
    </message>
</context>
<context>
    <name>SegmentsPage</name>
    <message>
        <source>Customer segments</source>
        <translation>客户分类</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Plan a call to this customer ({key})</source>
        <translation>安排回访此客户（{key}）</translation>
    </message>
    <message>
        <source>Fixed bands…</source>
        <translation>自定分段…</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <source>Customer segments on {day}</source>
        <translation>客户分类（{day}）</translation>
    </message>
    <message>
        <source>{count} customers</source>
        <translation>共 {count} 位客户</translation>
    </message>
    <message>
        <source>A call to {name} is on the follow-up list for today.</source>
        <translation>已把 {name} 加入今天的回访任务。</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Shop and receipt</source>
        <translation>店铺与小票</translation>
    </message>
    <message>
        <source>Shop name</source>
        <translation>店名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>Shop phone</source>
        <translation>店铺电话</translation>
    </message>
    <message>
        <source>Receipt footer</source>
        <translation>小票页脚</translation>
    </message>
    <message>
        <source>Receipt paper</source>
        <translation>小票纸张</translation>
    </message>
    <message>
        <source>80 mm roll</source>
        <translation>80 毫米热敏纸</translation>
    </message>
    <message>
        <source>58 mm roll</source>
        <translation>58 毫米热敏纸</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Membership</source>
        <translation>会员</translation>
    </message>
    <message>
        <source>Membership lapses after days without a sale</source>
        <translation>多少天未消费会员资格失效</translation>
    </message>
    <message>
        <source>Points and birthday</source>
        <translation>积分与生日</translation>
    </message>
    <message>
        <source>Points earned per yuan paid</source>
        <translation>每消费 1 元得积分</translation>
    </message>
    <message>
        <source>Points worth one yuan off</source>
        <translation>多少积分抵 1 元</translation>
    </message>
    <message>
        <source>Referral bonus points</source>
        <translation>推荐奖励积分</translation>
    </message>
    <message>
        <source>Yearly points reset (month-day)</source>
        <translation>积分每年清零日（月-日）</translation>
    </message>
    <message>
        <source>Birthday perks valid</source>
        <translation>生日权益有效期</translation>
    </message>
    <message>
        <source>on the day</source>
        <translation>生日当天</translation>
    </message>
    <message>
        <source>in the birthday week</source>
        <translation>生日所在周</translation>
    </message>
    <message>
        <source>in the birthday month</source>
        <translation>生日所在月</translation>
    </message>
    <message>
        <source>Follow-ups and complaints</source>
        <translation>回访与投诉</translation>
    </message>
    <message>
        <source>Call after a visit within hours</source>
        <translation>服务后几小时内回访</translation>
    </message>
    <message>
        <source>Check a product&apos;s effect after days</source>
        <translation>购买产品后几天回访效果</translation>
    </message>
    <message>
        <source>Warn about a member not seen for days</source>
        <translation>会员多少天未到店时预警</translation>
    </message>
    <message>
        <source>Birthday greeting days ahead</source>
        <translation>提前几天生日祝福</translation>
    </message>
    <message>
        <source>Remind of a usual service days ahead</source>
        <translation>护理周期提前几天提醒</translation>
    </message>
    <message>
        <source>Answer a complaint within hours (clock hours, nights included)</source>
        <translation>投诉首次回应时限（小时，按钟点计，含夜间）</translation>
    </message>
    <message>
        <source>Resolve a complaint within hours</source>
        <translation>投诉解决时限（小时）</translation>
    </message>
    <message>
        <source>Staff, stock, privacy, backups</source>
        <translation>员工、库存、隐私、备份</translation>
    </message>
    <message>
        <source>Wrong passwords before locking</source>
        <translation>密码错误几次后锁定</translation>
    </message>
    <message>
        <source>Lock for minutes</source>
        <translation>锁定分钟数</translation>
    </message>
    <message>
        <source>Default low-stock warning</source>
        <translation>默认库存预警数量</translation>
    </message>
    <message>
        <source>Privacy notice version</source>
        <translation>隐私告知书版本</translation>
    </message>
    <message>
        <source>Daily backups kept</source>
        <translation>保留每日备份份数</translation>
    </message>
    <message>
        <source>Save settings</source>
        <translation>保存设置</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>撤销修改</translation>
    </message>
    <message>
        <source>{field}:</source>
        <translation>{field}：</translation>
    </message>
    <message>
        <source>Receipt printer</source>
        <translation>小票打印机</translation>
    </message>
    <message>
        <source>System print queue (PDF picture)</source>
        <translation>系统打印队列（PDF 图像）</translation>
    </message>
    <message>
        <source>ESC/POS on the network (IP:9100)</source>
        <translation>ESC/POS 网口（IP:9100）</translation>
    </message>
    <message>
        <source>ESC/POS on USB (vendor:product)</source>
        <translation>ESC/POS USB（厂商号:产品号）</translation>
    </message>
    <message>
        <source>ESC/POS on a serial port</source>
        <translation>ESC/POS 串口</translation>
    </message>
    <message>
        <source>ESC/POS through a Windows printer (raw)</source>
        <translation>ESC/POS 经 Windows 打印机（原始数据）</translation>
    </message>
    <message>
        <source>Printer address</source>
        <translation>打印机地址</translation>
    </message>
    <message>
        <source>192.168.1.50:9100 / 0416:5011 / COM3@9600 / printer name</source>
        <translation>192.168.1.50:9100 / 0416:5011 / COM3@9600 / 打印机名称</translation>
    </message>
    <message>
        <source>Thermal paper</source>
        <translation>热敏纸宽</translation>
    </message>
    <message>
        <source>Characters per line (0: 48 on 80 mm, 32 on 58 mm)</source>
        <translation>每行字符数（0：80 毫米 48 个，58 毫米 32 个）</translation>
    </message>
    <message>
        <source>Printer&apos;s Chinese mode</source>
        <translation>打印机中文编码</translation>
    </message>
    <message>
        <source>No Chinese font in the printer: print receipts as pictures</source>
        <translation>打印机没有中文字库：小票以图像打印</translation>
    </message>
    <message>
        <source>Cash drawer</source>
        <translation>钱箱</translation>
    </message>
    <message>
        <source>on kick pin 2</source>
        <translation>接 2 号脚</translation>
    </message>
    <message>
        <source>on kick pin 5</source>
        <translation>接 5 号脚</translation>
    </message>
    <message>
        <source>none</source>
        <translation>无</translation>
    </message>
    <message>
        <source>Drawer pulse (ms)</source>
        <translation>钱箱脉冲（毫秒）</translation>
    </message>
    <message>
        <source>Pause after the pulse (ms)</source>
        <translation>脉冲后间隔（毫秒）</translation>
    </message>
    <message>
        <source>Print test page</source>
        <translation>打印测试页</translation>
    </message>
    <message>
        <source>Open cash drawer (no sale)</source>
        <translation>开钱箱（无销售）</translation>
    </message>
    <message>
        <source>Choose an ESC/POS printer first: the system queue prints from the print dialog.</source>
        <translation>请先选择 ESC/POS 打印机：系统打印队列通过打印对话框打印。</translation>
    </message>
    <message>
        <source>Printing the test page…</source>
        <translation>正在打印测试页…</translation>
    </message>
    <message>
        <source>Did the test page print every line in full, aligned, with readable Chinese?</source>
        <translation>测试页每一行都完整、对齐，中文清楚可读吗？</translation>
    </message>
    <message>
        <source>The printer is set up.</source>
        <translation>打印机设置正确。</translation>
    </message>
    <message>
        <source>Receipts will be printed as pictures; the test page is printed again that way. Save the settings to keep this.</source>
        <translation>小票将以图像打印，测试页已按此方式重新打印。请保存设置。</translation>
    </message>
    <message>
        <source>Reason (optional):</source>
        <translation>原因（可不填）：</translation>
    </message>
    <message>
        <source>The cash drawer was opened (recorded in the audit log).</source>
        <translation>钱箱已打开（已记入操作日志）。</translation>
    </message>
    <message>
        <source>Tier</source>
        <translation>等级</translation>
    </message>
    <message>
        <source>or visits</source>
        <translation>或到店次数</translation>
    </message>
    <message>
        <source>Double points on birthday</source>
        <translation>生日双倍积分</translation>
    </message>
    <message>
        <source>Tiers</source>
        <translation>会员等级</translation>
    </message>
    <message>
        <source>{field}: {message}</source>
        <translation>{field}：{message}</translation>
    </message>
    <message>
        <source>One sale to qualify for joining</source>
        <translation>一次性消费满多少可入会</translation>
    </message>
    <message>
        <source>Points may pay at most (% of the sale)</source>
        <translation>积分最多抵扣（占本单的 %）</translation>
    </message>
    <message>
        <source>Birthday free service up to</source>
        <translation>生日免费项目上限</translation>
    </message>
    <message>
        <source>Pays (% of list price)</source>
        <translation>会员支付（原价的 %）</translation>
    </message>
    <message>
        <source>Promote at spend</source>
        <translation>升级消费额</translation>
    </message>
    <message>
        <source>Nothing changed.</source>
        <translation>没有修改。</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>SetupDialog</name>
    <message>
        <source>Set up your shop</source>
        <translation>设置您的店铺</translation>
    </message>
    <message>
        <source>Welcome to salon-desk. Enter your shop&apos;s details and the owner&apos;s account; everything can be changed later in Settings.</source>
        <translation>欢迎使用 salon-desk。请填写店铺信息和店长账号，以后都可以在“设置”中修改。</translation>
    </message>
    <message>
        <source>Shop name:</source>
        <translation>店名：</translation>
    </message>
    <message>
        <source>Address:</source>
        <translation>地址：</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>电话：</translation>
    </message>
    <message>
        <source>Receipt footer:</source>
        <translation>小票页脚：</translation>
    </message>
    <message>
        <source>Owner&apos;s name:</source>
        <translation>店长姓名：</translation>
    </message>
    <message>
        <source>Owner&apos;s login:</source>
        <translation>店长账号：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>Password again:</source>
        <translation>再次输入密码：</translation>
    </message>
    <message>
        <source>The two passwords differ.</source>
        <translation>两次输入的密码不一致。</translation>
    </message>
</context>
<context>
    <name>SheetView</name>
    <message>
        <source>Save the sheet as PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Save as XLSX…</source>
        <translation>导出 XLSX…</translation>
    </message>
    <message>
        <source>Adjust a technician&apos;s month…</source>
        <translation>手工调整…</translation>
    </message>
    <message>
        <source>Settle this month…</source>
        <translation>结算本月…</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>月份：</translation>
    </message>
    <message>
        <source>Settled: corrections go into the next month.</source>
        <translation>已结算：更正记入下一个未结算月份。</translation>
    </message>
    <message>
        <source>Open: not settled yet.</source>
        <translation>未结算。</translation>
    </message>
    <message>
        <source>No commission this month yet.</source>
        <translation>本月暂无提成。</translation>
    </message>
    <message>
        <source>{name}: net payable {net} = service {service} + labour fees {fees} + products {products} + card sales {cards} + tier bonus {tier} + clawbacks {claw} + adjustments {adjust}</source>
        <translation>{name}：应发 {net} = 服务提成 {service} + 手工费 {fees} + 产品 {products} + 卡项 {cards} + 阶梯奖 {tier} + 扣回 {claw} + 调整 {adjust}</translation>
    </message>
    <message>
        <source>Tier {start}–{end}: {base} × {rate} = {amount}</source>
        <translation>阶梯 {start}–{end}：{base} × {rate} = {amount}</translation>
    </message>
    <message>
        <source>and above</source>
        <translation>以上</translation>
    </message>
    <message>
        <source>Clawed back for receipts: {receipts}</source>
        <translation>扣回小票：{receipts}</translation>
    </message>
    <message>
        <source>Adjustment {day}: {amount}, {reason} (by {by})</source>
        <translation>手工调整 {day}：{amount}，{reason}（{by}）</translation>
    </message>
    <message>
        <source>Save the monthly commission sheet</source>
        <translation>保存月度提成表</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 文档 (*.pdf)</translation>
    </message>
    <message>
        <source>The sheet could not be written to {path}: {problem}</source>
        <translation>提成表无法写入 {path}：{problem}</translation>
    </message>
    <message>
        <source>The sheet was saved to {path}</source>
        <translation>提成表已保存到 {path}</translation>
    </message>
    <message>
        <source>Excel files (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Adjustment saved.</source>
        <translation>调整已保存。</translation>
    </message>
    <message>
        <source>Settle this month</source>
        <translation>结算本月提成</translation>
    </message>
    <message>
        <source>Settle the commission of {year}-{month:02d}? Its sheet is then frozen: refunds and corrections of its sales go into the next open month.</source>
        <translation>结算 {year}-{month:02d} 的提成？结算后该月提成表不再改动：其销售的退款和更正记入下一个未结算月份。</translation>
    </message>
    <message>
        <source>{year}-{month:02d} is settled.</source>
        <translation>{year}-{month:02d} 已结算。</translation>
    </message>
</context>
<context>
    <name>ShiftDialog</name>
    <message>
        <source>Shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Open a shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Float counted in the drawer:</source>
        <translation>钱箱备用金（清点）：</translation>
    </message>
    <message>
        <source>Open shift</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>Close the shift (blind count)</source>
        <translation>交班（先点钱，后看应有）</translation>
    </message>
    <message>
        <source>Cash counted:</source>
        <translation>实点现金：</translation>
    </message>
    <message>
        <source>Float left for the next shift:</source>
        <translation>留给下一班的备用金：</translation>
    </message>
    <message>
        <source>Reason for a difference:</source>
        <translation>差额原因：</translation>
    </message>
    <message>
        <source>Owner&apos;s login:</source>
        <translation>店长账号：</translation>
    </message>
    <message>
        <source>Owner&apos;s password:</source>
        <translation>店长密码：</translation>
    </message>
    <message>
        <source>Close shift</source>
        <translation>交班</translation>
    </message>
    <message>
        <source>Day close Z{no} done</source>
        <translation>日结 Z{no} 已完成</translation>
    </message>
    <message>
        <source>Print Z report…</source>
        <translation>打印日结单…</translation>
    </message>
</context>
<context>
    <name>StaffModel</name>
    <message>
        <source>Login</source>
        <translation>账号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
</context>
<context>
    <name>StaffTab</name>
    <message>
        <source>Active (can log in, appears on visits)</source>
        <translation>在职（可登录，可选为技师）</translation>
    </message>
    <message>
        <source>at least 6 characters</source>
        <translation>至少 6 个字符</translation>
    </message>
    <message>
        <source>Save staff member</source>
        <translation>保存员工</translation>
    </message>
    <message>
        <source>New staff member</source>
        <translation>新增员工</translation>
    </message>
    <message>
        <source>Reset password</source>
        <translation>重设密码</translation>
    </message>
    <message>
        <source>Working hours…</source>
        <translation>上班时间…</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>员工</translation>
    </message>
    <message>
        <source>Login:</source>
        <translation>账号：</translation>
    </message>
    <message>
        <source>Name on receipts:</source>
        <translation>显示姓名：</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>角色：</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <source>New password for {name}:</source>
        <translation>{name}的新密码：</translation>
    </message>
</context>
<context>
    <name>SummaryModel</name>
    <message>
        <source>Level</source>
        <translation>级别</translation>
    </message>
    <message>
        <source>Designated / rotation</source>
        <translation>指定 / 轮牌</translation>
    </message>
    <message>
        <source>Technician name</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Lead / assistant</source>
        <translation>主理 / 助理</translation>
    </message>
    <message>
        <source>Labour value</source>
        <translation>劳动业绩</translation>
    </message>
    <message>
        <source>Cash collected</source>
        <translation>现金业绩</translation>
    </message>
    <message>
        <source>Card and package use</source>
        <translation>卡耗</translation>
    </message>
    <message>
        <source>Service commission</source>
        <translation>服务提成</translation>
    </message>
    <message>
        <source>Labour fees</source>
        <translation>手工费</translation>
    </message>
    <message>
        <source>Products and card sales</source>
        <translation>产品·卡项</translation>
    </message>
    <message>
        <source>Tier bonus</source>
        <translation>阶梯奖</translation>
    </message>
    <message>
        <source>Clawbacks</source>
        <translation>扣回</translation>
    </message>
    <message>
        <source>Adjustments</source>
        <translation>调整</translation>
    </message>
    <message>
        <source>Net payable</source>
        <translation>应发</translation>
    </message>
</context>
<context>
    <name>TechnicianPage</name>
    <message>
        <source>Write the service note…</source>
        <translation>填写服务备注…</translation>
    </message>
    <message>
        <source>You can write notes on the services you did.</source>
        <translation>您可以给自己做的项目填写服务备注。</translation>
    </message>
    <message>
        <source>In the shop now</source>
        <translation>在店顾客</translation>
    </message>
    <message>
        <source>Service note</source>
        <translation>服务备注</translation>
    </message>
    <message>
        <source>Note for {item}:</source>
        <translation>{item}的备注：</translation>
    </message>
</context>
<context>
    <name>Thermal</name>
    <message>
        <source>{title} printed.</source>
        <translation>{title} 已打印。</translation>
    </message>
    <message>
        <source>The paper roll is nearly finished.</source>
        <translation>纸卷快用完了。</translation>
    </message>
    <message>
        <source>The cash drawer was opened.</source>
        <translation>钱箱已打开。</translation>
    </message>
</context>
<context>
    <name>TodaySalesDialog</name>
    <message>
        <source>Today&apos;s receipts</source>
        <translation>今日小票</translation>
    </message>
    <message>
        <source>Today by method: {totals}</source>
        <translation>今日按支付方式：{totals}</translation>
    </message>
</context>
<context>
    <name>TopUpDialog</name>
    <message>
        <source>Top up the stored-value card</source>
        <translation>储值卡充值</translation>
    </message>
    <message>
        <source>Balance {total} (principal {principal} + bonus {bonus})</source>
        <translation>余额 {total}（本金 {principal} + 赠送 {bonus}）</translation>
    </message>
    <message>
        <source>Other amount</source>
        <translation>其他金额</translation>
    </message>
    <message>
        <source>Pay {pay}, bonus {bonus}</source>
        <translation>充 {pay} 送 {bonus}</translation>
    </message>
    <message>
        <source>The customer has signed the card terms (printed on the slip)</source>
        <translation>顾客已签署储值卡章程（印在充值单上）</translation>
    </message>
    <message>
        <source>Owner&apos;s username</source>
        <translation>店长用户名</translation>
    </message>
    <message>
        <source>Owner&apos;s password</source>
        <translation>店长密码</translation>
    </message>
    <message>
        <source>Above the card limit: the owner authorises</source>
        <translation>超过储值卡限额：须店长授权</translation>
    </message>
    <message>
        <source>Top up (Enter)</source>
        <translation>确认充值 (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Rule:</source>
        <translation>充值规则：</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Paid by:</source>
        <translation>支付方式：</translation>
    </message>
    <message>
        <source>Sold by:</source>
        <translation>销售员工：</translation>
    </message>
    <message>
        <source>Bonus {bonus} · after: principal {principal}, bonus {after_bonus}</source>
        <translation>赠送 {bonus} · 充值后：本金 {principal}，赠送金 {after_bonus}</translation>
    </message>
    <message>
        <source>becomes {tier}</source>
        <translation>升为{tier}</translation>
    </message>
</context>
<context>
    <name>TransferDialog</name>
    <message>
        <source>Transfer the card balance</source>
        <translation>储值卡余额转让</translation>
    </message>
    <message>
        <source>Transfer (Enter)</source>
        <translation>转让（Enter）</translation>
    </message>
    <message>
        <source>(nobody chosen)</source>
        <translation>（未选择）</translation>
    </message>
    <message>
        <source>Choose… (F4)</source>
        <translation>选择…（F4）</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>转给：</translation>
    </message>
    <message>
        <source>Who receives the balance?</source>
        <translation>谁接收这笔余额？</translation>
    </message>
    <message>
        <source>the customer chosen</source>
        <translation>所选顾客</translation>
    </message>
    <message>
        <source>Principal {principal} and bonus {bonus} move to {to}; this card is then empty.</source>
        <translation>本金 {principal} 和赠送金 {bonus} 转给{to}；本卡随后余额为零。</translation>
    </message>
    <message>
        <source>Choose who receives the balance (F4).</source>
        <translation>请选择接收余额的顾客（F4）。</translation>
    </message>
</context>
<context>
    <name>VisitEditor</name>
    <message>
        <source>Hand over birthday gift</source>
        <translation>发放生日礼物</translation>
    </message>
    <message>
        <source>Add a service or product: type its code or name</source>
        <translation>添加项目或产品：输入编号或名称</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>备注（可选）</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Remove line (Del)</source>
        <translation>删除项目 (Del)</translation>
    </message>
    <message>
        <source>Note…</source>
        <translation>备注…</translation>
    </message>
    <message>
        <source>Package session (K)</source>
        <translation>次卡抵扣 (K)</translation>
    </message>
    <message>
        <source>Customer left without paying</source>
        <translation>顾客未消费离店</translation>
    </message>
    <message>
        <source>Check out (F9)</source>
        <translation>结账 (F9)</translation>
    </message>
    <message>
        <source>Item:</source>
        <translation>项目：</translation>
    </message>
    <message>
        <source>Technician:</source>
        <translation>技师：</translation>
    </message>
    <message>
        <source>Qty:</source>
        <translation>数量：</translation>
    </message>
    <message>
        <source>{name} ({role})</source>
        <translation>{name}（{role}）</translation>
    </message>
    <message>
        <source>Find the customer on the left and press Enter to check them in, or press F6 for a walk-in.</source>
        <translation>在左侧找到顾客后按 Enter 登记到店；散客请按 F6。</translation>
    </message>
    <message>
        <source>Walk-in #{id} — no customer file, sold at list price.</source>
        <translation>散客 #{id} — 无档案，按原价结账。</translation>
    </message>
    <message>
        <source>No. {no} · {points} points</source>
        <translation>会员号 {no} · {points} 积分</translation>
    </message>
    <message>
        <source>Preferences: {tags}</source>
        <translation>偏好：{tags}</translation>
    </message>
    <message>
        <source>Last visit {when}: {what}, {paid}</source>
        <translation>上次到店 {when}：{what}，{paid}</translation>
    </message>
    <message>
        <source>First visit</source>
        <translation>首次到店</translation>
    </message>
    <message>
        <source>Card {total} (principal {principal} + bonus {bonus})</source>
        <translation>储值卡 {total}（本金 {principal} + 赠送 {bonus}）</translation>
    </message>
    <message>
        <source>{name}: {left} sessions left</source>
        <translation>{name}：剩余 {left} 次</translation>
    </message>
    <message>
        <source> (expired {date}: the owner can extend it)</source>
        <translation>（{date} 已过期，次数保留，店长可延期）</translation>
    </message>
    <message>
        <source> (until {date})</source>
        <translation>（有效期至 {date}）</translation>
    </message>
    <message>
        <source>List total: {amount}</source>
        <translation>标价合计：{amount}</translation>
    </message>
    <message>
        <source>Package sessions: {amount}</source>
        <translation>次卡抵扣：{amount}</translation>
    </message>
    <message>
        <source>Member discount: {amount}</source>
        <translation>会员折扣：{amount}</translation>
    </message>
    <message>
        <source>Due {amount}</source>
        <translation>应付 {amount}</translation>
    </message>
    <message>
        <source>This sale qualifies to join as a member</source>
        <translation>本单满额，结账后可邀请入会</translation>
    </message>
    <message>
        <source>Package session</source>
        <translation>使用次卡</translation>
    </message>
    <message>
        <source>Pay {service} with a session of {package} ({left} left)?</source>
        <translation>用「{package}」抵扣 {service} 一次吗？（剩余 {left} 次）</translation>
    </message>
    <message>
        <source>Service note</source>
        <translation>服务备注</translation>
    </message>
    <message>
        <source>Note for {item}:</source>
        <translation>{item}的备注：</translation>
    </message>
    <message>
        <source>Cancel visit</source>
        <translation>取消到店</translation>
    </message>
    <message>
        <source>The customer leaves without paying? The visit is kept as cancelled.</source>
        <translation>顾客未消费离店吗？到店记录将标记为已取消并保留。</translation>
    </message>
</context>
<context>
    <name>VisitLinesModel</name>
    <message>
        <source>Item</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Technician</source>
        <translation>技师</translation>
    </message>
    <message>
        <source>Qty</source>
        <translation>数量</translation>
    </message>
    <message>
        <source>List price (each)</source>
        <translation>原价（单价）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source> (package session)</source>
        <translation>（次卡抵扣）</translation>
    </message>
</context>
<context>
    <name>VisitRangeDialog</name>
    <message>
        <source>Print visit record</source>
        <translation>打印到店记录</translation>
    </message>
    <message>
        <source>All visits</source>
        <translation>全部到店记录</translation>
    </message>
    <message>
        <source>Only the visits between these dates:</source>
        <translation>只打印这段时间的到店记录：</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>从：</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>至：</translation>
    </message>
    <message>
        <source>Preview…</source>
        <translation>预览…</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>开始日期晚于结束日期。</translation>
    </message>
</context>
<context>
    <name>WarningStrips</name>
    <message>
        <source>⚠ Allergies: {text}</source>
        <translation>⚠ 过敏：{text}</translation>
    </message>
    <message>
        <source>⚠ Open complaint — answer overdue!</source>
        <translation>⚠ 有未结投诉 — 已超时未回应！</translation>
    </message>
    <message>
        <source>⚠ Open complaint</source>
        <translation>⚠ 有未结投诉</translation>
    </message>
    <message>
        <source>★ Birthday! Birthday perks are for members.</source>
        <translation>★ 生日快乐！生日权益仅限会员。</translation>
    </message>
    <message>
        <source>★ Birthday! This year&apos;s perks have been used.</source>
        <translation>★ 生日快乐！今年的生日权益已用。</translation>
    </message>
    <message>
        <source>F10 at checkout: free service</source>
        <translation>结账时按 F10：免费项目</translation>
    </message>
    <message>
        <source>F11: give the gift</source>
        <translation>F11：发放礼物</translation>
    </message>
    <message>
        <source>★ Birthday! Unused this year: {perks} ({keys})</source>
        <translation>★ 生日快乐！今年未用权益：{perks}（{keys}）</translation>
    </message>
    <message>
        <source>Birthday in {days} days</source>
        <translation>{days} 天后生日</translation>
    </message>
    <message>
        <source>Birthday gift</source>
        <translation>生日礼物</translation>
    </message>
    <message>
        <source>Hand {name} their birthday gift? It is recorded once this year.</source>
        <translation>为{name}发放生日礼物？每年只记录一次。</translation>
    </message>
    <message>
        <source>a gift (the gift list is empty)</source>
        <translation>礼物（礼品清单为空）</translation>
    </message>
    <message>
        <source>Give the gift</source>
        <translation>发放礼物</translation>
    </message>
</context>
<context>
    <name>WorkingHoursDialog</name>
    <message>
        <source>Working hours</source>
        <translation>上班时间</translation>
    </message>
    <message>
        <source>&amp;Technician:</source>
        <translation>技师(&amp;T)：</translation>
    </message>
    <message>
        <source>Hours each weekday (HH:MM, on the quarter hour)</source>
        <translation>每周上班时间（时:分，整刻钟）</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>上班</translation>
    </message>
    <message>
        <source>End</source>
        <translation>下班</translation>
    </message>
    <message>
        <source>works</source>
        <translation>上班</translation>
    </message>
    <message>
        <source>Same hours as Monday on every day worked</source>
        <translation>上班的日子都与星期一相同</translation>
    </message>
    <message>
        <source>Days off (leave, holidays)</source>
        <translation>休息日（请假、节假日）</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>&amp;Add day off</source>
        <translation>添加休息日(&amp;A)</translation>
    </message>
    <message>
        <source>Remove day off (Del)</source>
        <translation>删除休息日（Del）</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>保存（Ctrl+S）</translation>
    </message>
    <message>
        <source>The hours of {name} are changed but not saved. Save them now?</source>
        <translation>{name}的上班时间已修改但未保存。现在保存吗？</translation>
    </message>
    <message>
        <source>Saved: bookings for {name} are checked against these hours.</source>
        <translation>已保存：{name}的预约今后按此时间检查。</translation>
    </message>
</context>
<context>
    <name>YearExport</name>
    <message>
        <source>Export a year</source>
        <translation>导出全年账目</translation>
    </message>
    <message>
        <source>Every sale, refund, void, sale line and card top-up of the calendar year, with the monthly totals, as one Excel workbook for your accountant. Phone numbers are not included; the export is recorded in the audit log.</source>
        <translation>该自然年的每笔销售、退款、作废、销售明细和储值卡充值，连同每月汇总，保存为一个 Excel 工作簿，供会计使用。不含顾客手机号；本次导出会记入操作日志。</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>选择保存位置…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>年份(&amp;Y)：</translation>
    </message>
    <message>
        <source>{year} accounts.xlsx</source>
        <translation>{year}年账目.xlsx</translation>
    </message>
    <message>
        <source>Save the year as Excel</source>
        <translation>将全年账目保存为 Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>The shop has no sales yet: there is no year to export.</source>
        <translation>本店还没有销售记录，没有可导出的年份。</translation>
    </message>
    <message>
        <source>Exporting {year} to {path}…</source>
        <translation>正在导出 {year} 年账目到 {path}…</translation>
    </message>
    <message>
        <source>The export was cancelled; no file was written.</source>
        <translation>导出已取消，未写入任何文件。</translation>
    </message>
    <message>
        <source>Saved {year} to {path}: {sales} sales, {refunds} refunds, {voids} voids.</source>
        <translation>已将 {year} 年账目保存到 {path}：销售 {sales} 笔，退款 {refunds} 笔，作废 {voids} 笔。</translation>
    </message>
</context>
</TS>
